package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.CliRun;
import io.github.lightgcn.examples.cli.SmallData;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.KeyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A model trained on split files carries its ids as keys: the original ids for csv, the dense ids for pairs; only
 * the format travels as an attachment, and evaluate reads held-out files with those keys.
 */
class SplitModelKeysTest {

    @TempDir
    Path dir;

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in:\n" + text);
        return m.group(1);
    }

    /** The small split as csv with original ids 1000 + u and 50000 + 7 i (as the frozen csv fixture has them). */
    private static Path toCsv(Path pairs, Path csv) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user_id,anime_id"));
        for (String line : Files.readAllLines(pairs)) {
            String[] f = line.split("\t");
            lines.add((1000 + Integer.parseInt(f[0])) + "," + (50000 + 7 * Integer.parseInt(f[1])));
        }
        return Files.write(csv, lines);
    }

    @Test
    void csvModelsCarryTheOriginalIdsAndEvaluateWithThem() throws IOException {
        SmallData small = SmallData.write(dir);
        Path train = toCsv(small.train(), dir.resolve("train.csv")), test = toCsv(small.test(), dir.resolve("test.csv"));
        Path model = dir.resolve("csv.lgcn");
        CliRun run = CliRun.of("train", "--train", train.toString(), "--test", test.toString(), "--format", "csv",
                "--epochs", "3", "--batch", "64", "--threads", "1", "--model-out", model.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String recall = value(run.out(), "test \\(last evaluation, epoch 3\\): recall@20=(\\S+)");

        LightGCNModel m = LightGCNModel.load(model);
        assertEquals(List.of(SplitModelIds.ATTACHMENT), List.copyOf(m.attachmentNames()));
        assertEquals(KeyIndex.Type.LONG, m.userKeys().type());
        assertEquals(1000, m.userKeys().longKey(0));
        assertEquals(0, m.itemKeys().indexOf(50000L));
        assertEquals(50000 + 7 * 119, m.itemKeys().longKey(m.numItems() - 1));

        CliRun eval = CliRun.of("evaluate", "--model", model.toString(), "--test", test.toString());
        assertEquals(0, eval.exitCode(), eval::toString);
        assertTrue(eval.out().contains("0 of unknown users, 0 of unknown items"), eval.out());
        assertEquals(recall, value(eval.out(), "recall@20 +(\\S+)"), eval.out());
        Path other = Files.writeString(dir.resolve("other.csv"), "user_id,anime_id\n1000,50000\n7,50007\n1001,3\n");
        CliRun unknown = CliRun.of("evaluate", "--model", model.toString(), "--test", other.toString());
        assertTrue(unknown.out().contains("1 of unknown users, 1 of unknown items"), unknown.toString());
    }

    @Test
    void pairsModelsAreKeyedByTheirDenseIds() throws IOException {
        SmallData small = SmallData.write(dir);
        Path model = dir.resolve("pairs.lgcn");
        CliRun run = CliRun.of("train", "--train", small.train().toString(), "--test", small.test().toString(),
                "--format", "pairs", "--num-users", "60", "--num-items", "120", "--epochs", "1", "--batch", "64",
                "--threads", "1", "--model-out", model.toString());
        assertEquals(0, run.exitCode(), run::toString);
        LightGCNModel m = LightGCNModel.load(model);
        assertTrue(m.userKeys().isIdentity() && m.itemKeys().isIdentity());
        SplitModelIds ids = SplitModelIds.from(m, model).orElseThrow();
        assertEquals(io.github.lightgcn.io.DataFormat.PAIRS, ids.format());
        assertNull(ids.users());
    }
}
