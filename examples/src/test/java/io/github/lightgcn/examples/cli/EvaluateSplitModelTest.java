package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** {@code evaluate} on a model trained from split files reads held-out files in that model's format and ids. */
class EvaluateSplitModelTest {

    @TempDir
    Path dir;

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in:\n" + text);
        return m.group(1);
    }

    @Test
    void evaluateGivesTheTrainTimeTestMetricsAndRefusesFilesOfOtherData() throws IOException {
        SmallData data = SmallData.write(dir);
        Path model = dir.resolve("m.lgcn");
        CliRun train = CliRun.of("train", "--train", data.train().toString(), "--test", data.test().toString(),
                "--format", "pairs", "--num-users", "60", "--num-items", "120", "--epochs", "3", "--batch", "64",
                "--threads", "1", "--model-out", model.toString(), "--curves", dir.resolve("c.png").toString());
        assertEquals(0, train.exitCode(), train::toString);
        byte[] png = Files.readAllBytes(dir.resolve("c.png"));
        assertEquals((byte) 0x89, png[0], "a PNG signature");
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        String recall = value(train.out(), "test \\(last evaluation, epoch 3\\): recall@20=(\\S+)");

        CliRun eval = CliRun.of("evaluate", "--model", model.toString(), "--test", data.test().toString());
        assertEquals(0, eval.exitCode(), eval::toString);
        assertTrue(eval.out().contains("0 of unknown users, 0 of unknown items"), eval.out());
        assertEquals(recall, value(eval.out(), "recall@20 +(\\S+)"), eval.out());

        // a file of other data: a user id beyond the model's 60 users is refused, naming line and field
        Path other = Files.writeString(dir.resolve("other.tsv"), "1\t2\n75\t3\n");
        CliRun refused = CliRun.of("evaluate", "--model", model.toString(), "--test", other.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains(other + ", line 2, field user (column 1)")
                && refused.err().contains("the number of users is 60"), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
    }
}
