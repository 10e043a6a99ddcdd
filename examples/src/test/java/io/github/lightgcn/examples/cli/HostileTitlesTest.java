package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.lightgcn.examples.cli.TerminalTextTest.hasTerminalControls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared anime.csv whose every title, genre list and type carries terminal controls (ESC and OSC sequences, CR,
 * LF, NUL, C1, a bidi override; some written as HTML references, as the MAL dump writes text): nothing any command
 * prints acts on a terminal, while the model and the export keep the data as it is.
 */
class HostileTitlesTest {

    static final String TITLE_JUNK = "\u001B[31m\r\n\u0000\u009B\u202E&#x1b;]0;pwned&#7;";
    static final String TITLE_DECODED = "\u001B[31m\r\n\u0000\u009B\u202E\u001B]0;pwned\u0007";

    @TempDir
    static Path dir;

    static Path animeCsv, ratingsCsv, modelFile;
    static CliRun trainRun;

    @BeforeAll
    static void trainOnHostileCatalog() throws IOException {
        GeneratedData data = MalGenerator.generate(dir.resolve("mal"), 3000, 5);
        List<String> lines = Files.readAllLines(data.animeCsv());
        List<String> hostile = new ArrayList<>(List.of(lines.getFirst()));
        for (String line : lines.subList(1, lines.size())) hostile.add(poison(line));
        animeCsv = Files.write(dir.resolve("anime.csv"), hostile);
        ratingsCsv = data.ratingsCsv();
        modelFile = dir.resolve("m.lgcn");
        trainRun = CliRun.of("train", "--anime", animeCsv.toString(), "--ratings", ratingsCsv.toString(),
                "--epochs", "3", "--threads", "1", "--batch", "512", "--model-out", modelFile.toString());
        assertEquals(0, trainRun.exitCode(), trainRun::toString);
    }

    /** anime_id,name,genre,type,...: junk in the middle of the name, a junk genre, junk in the type. */
    private static String poison(String line) {
        List<String> f = splitCsv(line);
        f.set(1, "A" + TITLE_JUNK + f.get(1));
        f.set(2, f.get(2).isEmpty() ? "Bad\u001B[2J" : f.get(2) + ", Bad\u001B[2J");
        f.set(3, f.get(3).isEmpty() ? "" : f.get(3) + "\u0007");
        return String.join(",", f.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList());
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder v = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                v.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(v.toString());
                v.setLength(0);
            } else {
                v.append(c);
            }
        }
        fields.add(v.toString());
        return fields;
    }

    private static void assertSafe(CliRun r) {
        assertFalse(hasTerminalControls(r.out()), r::toString);
        assertFalse(hasTerminalControls(r.err()), r::toString);
    }

    @Test
    void theModelKeepsTheTitlesAsTheyAre() throws IOException {
        AnimeModel model = AnimeModel.load(modelFile);
        assertTrue(model.info(0).title().startsWith("A" + TITLE_DECODED), model.info(0).title());
        assertTrue(model.info(0).genres().contains("Bad\u001B[2J"), model.info(0).genres()::toString);
        assertSafe(trainRun);
    }

    @Test
    void recommendForAUserShowsEscapedTitles() {
        CliRun r = CliRun.of("recommend", "--model", modelFile.toString(), "--user", firstUser(), "-n", "5");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("A\\u001B[31m\\r\\n\\u0000\\u009B\\u202E\\u001B]0;pwned"), r::toString);
        assertTrue(r.out().contains("Bad\\u001B[2J") && r.out().contains("\\u0007"), r::toString);
        assertSafe(r);
    }

    @Test
    void recommendForLikesEscapesTheHeaderToo() {
        AnimeModel model = load();
        String ids = model.info(0).id() + "," + model.info(1).id();
        CliRun r = CliRun.of("recommend", "--model", modelFile.toString(), "--likes", ids, "-n", "5");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.outLines().getFirst().startsWith("top 5 for a new user who likes A\\u001B[31m\\r\\n"),
                r::toString);
        assertSafe(r);
    }

    @Test
    void similarEscapesItsHeaderAndTable() {
        CliRun r = CliRun.of("similar", "--model", modelFile.toString(), "--anime", Integer.toString(load().info(0)
                .id()), "-n", "5");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.outLines().getFirst().contains("Bad\\u001B[2J"), r::toString);
        assertSafe(r);
    }

    @Test
    void errorsThatListTitlesGenresAndTypesAreEscaped() {
        for (String[] args : List.of(new String[] {"--genre", "nope"}, new String[] {"--type", "nope"},
                new String[] {"--likes", "A\u001B[31m"}, new String[] {"--likes", "no such \u001B[2J\r title"})) {
            List<String> a = new ArrayList<>(List.of("recommend", "--model", modelFile.toString()));
            if (!args[0].equals("--likes")) a.addAll(List.of("--user", firstUser()));
            a.addAll(List.of(args));
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().contains("\\u001B") || r.err().contains("\\u0007"), r::toString);
            assertSafe(r);
        }
    }

    @Test
    void demoEscapesTheTitlesItShows() throws IOException {
        Path data = Files.createDirectories(dir.resolve("demo-data"));
        Files.copy(animeCsv, data.resolve("anime.csv"));
        Files.copy(ratingsCsv, data.resolve("rating.csv"));
        CliRun r = CliRun.of("demo", "--data", data.toString(), "--out", dir.resolve("demo-out").toString(),
                "--epochs", "2", "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("a new user who likes A\\u001B[31m"), r::toString); // its header and tables
        assertTrue(r.out().contains("  A\\u001B[31m"), r::toString);
        assertSafe(r);
    }

    @Test
    void theExportKeepsTheTitlesAsTheyAre() throws IOException {
        Path out = dir.resolve("export");
        CliRun r = CliRun.of("export", "--model", modelFile.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        String json = Files.readString(out.resolve("ids.json"));
        assertTrue(json.toLowerCase().contains("a\\u001b[31m\\r\\n\\u0000"), json.substring(0, 300));
    }

    private static AnimeModel load() {
        try {
            return AnimeModel.load(modelFile);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String firstUser() {
        AnimeModel m = load();
        for (int u = 0; u < m.users().size(); u++) {
            if (m.model().trainGraph().userDegree(u) >= 5) return Integer.toString(m.users().originalId(u));
        }
        throw new AssertionError("no user with 5 training anime");
    }
}
