package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What may reach a terminal: every control, bidi and separator character escaped; all other text untouched. */
class TerminalTextTest {

    /** Whether a printed text holds a character a terminal could act on (the line ends of the output aside). */
    static boolean hasTerminalControls(String printed) {
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (c == '\n') continue;
            if (Character.isISOControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028'
                    || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "27|\\u001B", "0|\\u0000", "7|\\u0007", "13|\\r", "10|\\n", "9|\\t", "127|\\u007F", "155|\\u009B",
            "133|\\u0085", "1564|\\u061C", "8206|\\u200E", "8207|\\u200F", "8234|\\u202A", "8238|\\u202E",
            "8294|\\u2066", "8297|\\u2069", "8232|\\u2028", "8233|\\u2029", "55296|\\uD800", "57343|\\uDFFF"})
    void everyKindOfControlIsEscaped(int code, String escaped) {
        String s = "a" + (char) code + "b";
        assertEquals("a" + escaped + "b", TerminalText.safe(s));
        if (code != '\n' && code != '\t') assertEquals("a" + escaped + "b", printed(s), "through the writer");
    }

    @Test
    void sequencesBecomeVisibleText() {
        assertEquals("Evil\\u001B[31mRED\\u001B[0m", TerminalText.safe("Evil\u001B[31mRED\u001B[0m"));
        assertEquals("\\u001B]0;pwned\\u0007", TerminalText.safe("\u001B]0;pwned\u0007"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        for (String s : List.of("", "Cowboy Bebop", "Steins;Gate", "銀魂", "Ookami to Kōshinryō", "🎬 Movie",
                "back\\slash", "Fate/stay night: Unlimited Blade Works")) {
            assertSame(s, TerminalText.safe(s), s);
            assertEquals(s, printed(s), s);
        }
        assertEquals("null", TerminalText.safe(null));
    }

    @Test
    void theWriterKeepsTheOutputsOwnLineEndsAndTabs() {
        StringWriter sink = new StringWriter();
        PrintWriter w = TerminalText.writer(new PrintWriter(sink));
        w.print("one\ttwo\r\nthree\nfour\rfive\u001B[2J");
        w.println();
        w.printf("%s%n", "\uD83C\uDFAC pair");
        w.print("cr at a flush\r");
        w.flush();
        assertEquals("one\ttwo\r\nthree\nfour\\rfive\\u001B[2J" + System.lineSeparator() + "\uD83C\uDFAC pair"
                + System.lineSeparator() + "cr at a flush\\r", sink.toString());
    }

    @Test
    void tableCellsAreEscapedBeforeTheyAreMeasured() {
        StringWriter sink = new StringWriter();
        new TextTable(">rank", "title:30", "type").row(1, "Bad\u001B[2J\rTitle\n", "TV\u0007")
                .row(2, "Plain", "OVA").print(new PrintWriter(sink));
        List<String> lines = sink.toString().lines().toList();
        assertEquals(List.of(
                "rank  title                  type",
                "----  ---------------------  --------",
                "   1  Bad\\u001B[2J\\rTitle\\n  TV\\u0007",
                "   2  Plain                  OVA"), lines);
        assertTrue(!hasTerminalControls(sink.toString()));
    }

    @Test
    void errorMessagesAreOneEscapedLine() {
        assertEquals("no anime titled 'x\\u001B[31m\\ny' among 5", CliErrors.describe(
                new CliFailure("no anime titled 'x\u001B[31m\ny' among 5")));
    }

    private static String printed(String s) {
        StringWriter sink = new StringWriter();
        PrintWriter w = TerminalText.writer(new PrintWriter(sink));
        w.print(s);
        w.flush();
        return sink.toString();
    }
}
