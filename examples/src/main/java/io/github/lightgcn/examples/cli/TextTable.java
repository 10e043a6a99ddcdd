package io.github.lightgcn.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header and a rule, columns padded to their widest cell (capped: longer cells are cut
 * with an ellipsis so a long genre list cannot push the table off the screen). Cells are shown through
 * {@link TerminalText#safe}: a control character in a title can neither act on the terminal nor break the columns.
 */
public final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final int[] maxWidth;
    private final List<String[]> rows = new ArrayList<>();

    /** A column spec is {@code name}, {@code >name} for right-aligned, optionally {@code :max} for a width cap. */
    public TextTable(String... columns) {
        headers = new ArrayList<>();
        rightAligned = new boolean[columns.length];
        maxWidth = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            String spec = columns[c];
            rightAligned[c] = spec.startsWith(">");
            if (rightAligned[c]) spec = spec.substring(1);
            int colon = spec.lastIndexOf(':');
            maxWidth[c] = colon < 0 ? Integer.MAX_VALUE : Integer.parseInt(spec.substring(colon + 1));
            headers.add(colon < 0 ? spec : spec.substring(0, colon));
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        String[] row = new String[cells.length];
        for (int c = 0; c < cells.length; c++) row[c] = cut(TerminalText.safe(String.valueOf(cells[c])), maxWidth[c]);
        rows.add(row);
        return this;
    }

    int size() { return rows.size(); }

    private static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--; // never half a pair
        return s.substring(0, end) + "…";
    }

    public void print(PrintWriter out) {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) width[c] = headers.get(c).length();
        for (String[] r : rows) for (int c = 0; c < n; c++) width[c] = Math.max(width[c], r[c].length());
        out.println(line(headers.toArray(String[]::new), width));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        out.println(rule);
        for (String[] r : rows) out.println(line(r, width));
        out.flush();
    }

    private String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) sb.append("  ");
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(rightAligned[c] ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
        }
        return sb.toString();
    }
}
