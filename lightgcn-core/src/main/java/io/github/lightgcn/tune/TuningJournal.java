package io.github.lightgcn.tune;

import io.github.lightgcn.StopReason;
import io.github.lightgcn.eval.Metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished trials of a search, one line each, appended and flushed as they finish, so that an interrupted
 * search resumes where it stopped: a trial found in the journal is not trained again. The first line identifies the
 * search (space, base configuration, sampling and halving settings); a journal of another search is refused. A torn
 * last line (the process killed while writing it) is ignored.
 */
final class TuningJournal implements AutoCloseable {

    private static final String MAGIC = "# lightgcn tuning journal 1 ";

    private final Path file;
    private final Map<String, Trial> done = new HashMap<>();
    private final BufferedWriter out;

    private TuningJournal(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (and reads) the journal of the search identified by {@code identity}, creating it if absent. */
    static TuningJournal open(Path file, String identity) throws IOException {
        String header = MAGIC + identity;
        TuningJournal journal;
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IOException(file + " is the journal of another search (other space, base configuration, "
                        + "trials, seed or halving settings): use another output folder, or delete it to start over");
            }
            boolean complete = Files.size(file) > 0 && lastByte(file) == '\n';
            journal = new TuningJournal(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND));
            for (int n = 1; n < lines.size(); n++) {
                if (n == lines.size() - 1 && !complete) break; // torn by a kill
                Trial t = parse(lines.get(n));
                if (t == null) throw new IOException(file + ", line " + (n + 1) + ": not a trial of a tuning journal");
                journal.done.put(key(t.id(), t.rung()), t);
            }
            if (!complete) journal.out.newLine(); // the torn line stays, on its own
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            journal = new TuningJournal(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            journal.out.write(header);
            journal.out.newLine();
            journal.out.flush();
        }
        return journal;
    }

    private static int lastByte(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            channel.read(b);
            return b.get(0);
        }
    }

    /** The trial of configuration {@code id} at {@code rung}, if the journal has it. */
    Trial find(int id, int rung) { return done.get(key(id, rung)); }

    /** How many trials the journal held when it was opened, plus those recorded since. */
    int size() { return done.size(); }

    void record(Trial t) {
        try {
            out.write(format(t));
            out.newLine();
            out.flush();
            done.put(key(t.id(), t.rung()), t);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot record trial " + t.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException { out.close(); }

    private static String key(int id, int rung) { return id + "/" + rung; }

    private static String format(Trial t) {
        return String.join("\t", Integer.toString(t.id()), Integer.toString(t.rung()), pairs(t.params()),
                Integer.toString(t.epochBudget()), Integer.toString(t.epochsRun()), Integer.toString(t.bestEpoch()),
                t.stopReason().label(), Double.toString(t.seconds()), Boolean.toString(t.carried()),
                pairs(t.validation().asMap()), Integer.toString(t.validation().numUsers()), Double.toString(t.score()));
    }

    private static String pairs(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (sb.length() > 0) sb.append(';');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static Trial parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 12) return null;
        try {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : unpairs(f[9]).entrySet()) {
                metrics.put(e.getKey(), Double.parseDouble(e.getValue()));
            }
            Metrics validation = withUsers(Metrics.fromMap(metrics), Integer.parseInt(f[10]));
            return new Trial(Integer.parseInt(f[0]), Integer.parseInt(f[1]), unpairs(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), StopReason.fromLabel(f[6]),
                    Double.parseDouble(f[7]), Boolean.parseBoolean(f[8]), validation, Double.parseDouble(f[11]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Metrics withUsers(Metrics m, int users) {
        int[] ks = m.ks();
        io.github.lightgcn.eval.Metric[] all = io.github.lightgcn.eval.Metric.values();
        double[][] values = new double[all.length][ks.length];
        for (int a = 0; a < all.length; a++) {
            for (int k = 0; k < ks.length; k++) values[a][k] = m.get(all[a], ks[k]);
        }
        return Metrics.of(ks, values, users);
    }

    private static Map<String, String> unpairs(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        if (s.isEmpty()) return map;
        for (String pair : s.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException(pair);
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }
}
