package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --help} names the default patience of each mode, and a run without --patience uses it. */
class TrainDefaultsTest {

    private static final Pattern HELP_PATIENCE =
            Pattern.compile("Default: (\\d+) with split files, (\\d+) with --anime/--ratings\\.");

    @TempDir
    Path dir;

    @Test
    void eachModeTrainsWithThePatienceItsHelpNames() throws IOException {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        Matcher m = HELP_PATIENCE.matcher(help.out().replaceAll("\\s+", " "));
        assertTrue(m.find(), help::toString);
        String splitFiles = m.group(1), anime = m.group(2);
        assertNotEquals(splitFiles, anime, "the modes' defaults differ (else one line would do)");

        SmallData data = SmallData.write(dir);
        CliRun split = CliRun.of("train", "--train", data.train().toString(), "--val", data.val().toString(),
                "--test", data.test().toString(), "--format", "pairs", "--epochs", "1", "--threads", "1");
        assertEquals(0, split.exitCode(), split::toString);
        assertEquals(1, split.linesStartingWith("config: ").size(), split::toString);
        assertTrue(split.linesStartingWith("config: ").getFirst().contains(", patience " + splitFiles + ","),
                split::toString);

        GeneratedData mal = MalGenerator.generate(dir.resolve("mal"), 1000, 3);
        CliRun animeRun = CliRun.of("train", "--anime", mal.animeCsv().toString(), "--ratings",
                mal.ratingsCsv().toString(), "--epochs", "1", "--threads", "1");
        assertEquals(0, animeRun.exitCode(), animeRun::toString);
        assertEquals(1, animeRun.linesStartingWith("config: ").size(), animeRun::toString);
        assertTrue(animeRun.linesStartingWith("config: ").getFirst().contains(", patience " + anime + ","),
                animeRun::toString);
    }
}
