package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Non-ASCII titles and paths under the C/POSIX locale of Docker, cron and systemd (before: {@code --likes} with a
 * non-ASCII title became {@code ??}, a non-ASCII path leaked an InvalidPathException, and output was ASCII).
 */
@EnabledOnOs(OS.LINUX)
class LocaleTest {

    @TempDir
    static Path dir;

    static final String TITLE = "Café Ümlaut 東京";
    static Path model;
    static int animeId;

    private static final Path LAUNCHER = Path.of("..", "lightgcn").toAbsolutePath().normalize();

    @BeforeAll
    static void trainWithANonAsciiTitleIntoANonAsciiFolder() throws IOException {
        GeneratedData data = MalGenerator.generate(dir.resolve("mal"), 1000, 9);
        animeId = Integer.parseInt(Files.readAllLines(data.ratingsCsv()).get(1).split(",")[1]); // a rated anime
        List<Anime> anime = new ArrayList<>();
        for (Anime a : AnimeCsv.read(data.animeCsv()).all()) {
            anime.add(a.id() != animeId ? a : new Anime(a.id(), TITLE, a.genres(), a.type(), a.episodes(),
                    a.rating(), a.members()));
        }
        AnimeCsv.write(data.animeCsv(), anime);
        assertEquals(TITLE, AnimeCsv.read(data.animeCsv()).byId(animeId).orElseThrow().name());
        model = dir.resolve("modèles").resolve("modèle.lgcn");
        CliRun r = CliRun.of("train", "--anime", data.animeCsv().toString(), "--ratings", data.ratingsCsv().toString(),
                "--epochs", "1", "--threads", "1", "--model-out", model.toString());
        assertEquals(0, r.exitCode(), r::toString);
    }

    /** Runs a command under LANG=C LC_ALL=C; returns exit code, stdout and stderr, read as UTF-8. */
    private static String[] underCLocale(boolean launcher, String... args) throws Exception {
        List<String> c = new ArrayList<>();
        if (launcher) {
            c.addAll(List.of("bash", LAUNCHER.toString()));
        } else {
            c.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), LightGcnCli.class.getName()));
        }
        c.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(c);
        pb.environment().put("LIGHTGCN_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LC_CTYPE");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[]{Integer.toString(p.exitValue()), out, Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void aNonAsciiTitleAndPathRoundTripThroughTheLauncher() throws Exception {
        String[] r = underCLocale(true, "recommend", "--model", model.toString(), "--likes", TITLE, "-n", "3");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("for a new user who likes " + TITLE), r[1]);
        assertEquals("", r[2]);
    }

    @Test
    void withoutTheLauncherOutputIsUtf8AndADamagedArgumentIsOneLine() throws Exception {
        Path ascii = Files.copy(model, dir.resolve("ascii.lgcn"));
        String[] r = underCLocale(false, "recommend", "--model", ascii.toString(), "--likes",
                Integer.toString(animeId), "-n", "3");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("for a new user who likes " + TITLE), r[1]);
        r = underCLocale(false, "recommend", "--model", model.toString(), "--likes", "1");
        assertEquals("2", r[0], r[1] + r[2]);
        String damaged = model.toString().replace("è", "\uFFFD\uFFFD"); // each byte of the è it could not read
        assertEquals("error: argument 3 (" + damaged + ") has characters that the locale's encoding (ANSI_X3.4-1968)"
                + " cannot read: run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./lightgcn does that itself)\n", r[2]);
    }
}
