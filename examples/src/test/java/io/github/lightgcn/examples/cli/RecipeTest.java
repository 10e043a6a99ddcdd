package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --recipe} and {@code --loss}: which configuration each mode starts from, and options over it. */
class RecipeTest {

    @TempDir
    Path dir;

    private static String config(CliRun r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r.linesStartingWith("config: ").get(0);
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void theAnimeModeStartsFromTheMalRecipeAndSplitFilesFromThePapers() throws IOException {
        GeneratedData mal = MalGenerator.generate(dir.resolve("mal"), 1000, 3);
        String[] anime = {"train", "--anime", mal.animeCsv().toString(), "--ratings", mal.ratingsCsv().toString(),
                "--epochs", "1", "--threads", "1"};
        CliRun malRecipe = CliRun.of(anime);
        assertEquals("config: layers 0, dim 256, batch 8192, lr 0.01 x0.95 per epoch, l2 0.15, epochs 1, eval every 5, "
                + "patience 4, "
                + "monitor ndcg@20, sampler edge, seed 2020, threads 1, loss implicit-squared(unobserved=0.5)",
                config(malRecipe));
        // the epoch line names the loss term by its loss (BPR's lines keep their "bpr")
        String epochLine = malRecipe.linesStartingWith("epoch 1/1  loss ").get(0);
        assertTrue(epochLine.matches(".*  implicit-squared \\d+\\.\\d{6}  reg .*"), epochLine);
        assertEquals("config: layers 3, dim 64, batch 2048, lr 0.005, l2 1.0E-4, epochs 1, eval every 10, patience 5, "
                + "monitor ndcg@20, sampler user, seed 2020, threads 1, loss bpr(negatives=1)",
                config(CliRun.of(with(anime, "--recipe", "paper", "--lr", "0.005"))));
        String lossGiven = config(CliRun.of(with(anime, "--loss", "bpr(negatives=4)", "--layers", "2")));
        assertTrue(lossGiven.endsWith("loss bpr(negatives=4)"));
        assertTrue(lossGiven.startsWith("config: layers 2, dim 256,"));
        String constant = config(CliRun.of(with(anime, "--lr-decay", "1")));
        assertTrue(constant.startsWith("config: layers 0, dim 256, batch 8192, lr 0.01, l2 0.15,"), constant);
        String decaying = config(CliRun.of(with(anime, "--lr-decay", "0.9")));
        assertTrue(decaying.startsWith("config: layers 0, dim 256, batch 8192, lr 0.01 x0.9 per epoch, l2 0.15,"),
                decaying);

        SmallData data = SmallData.write(dir);
        CliRun split = CliRun.of("train", "--train", data.train().toString(), "--test", data.test().toString(),
                "--format", "pairs", "--epochs", "1", "--threads", "1");
        assertTrue(config(split).startsWith("config: layers 3, dim 64, batch 2048, lr 0.001,"), split::toString);
        assertTrue(config(split).endsWith("loss bpr(negatives=1)"), split::toString);
    }

    @Test
    void anUnknownRecipeOrABadLossIsAUsageError() {
        CliRun recipe = CliRun.of("train", "--anime", "a.csv", "--ratings", "r.csv", "--recipe", "fast");
        assertEquals(2, recipe.exitCode(), recipe::toString);
        assertTrue(recipe.errLines().get(0).contains("unknown recipe 'fast': use paper or mal"), recipe::toString);
        CliRun loss = CliRun.of("train", "--anime", "a.csv", "--ratings", "r.csv", "--loss", "bpr(negatives=0)");
        assertEquals(2, loss.exitCode(), loss::toString);
        assertTrue(loss.errLines().get(0).contains("--loss"), loss::toString);
        CliRun decay = CliRun.of("train", "--anime", "a.csv", "--ratings", "r.csv", "--lr-decay", "1.5");
        assertEquals(2, decay.exitCode(), decay::toString);
        assertTrue(decay.errLines().get(0).contains("--lr-decay")
                && decay.errLines().get(0).contains("(0.0, 1.0]"), decay::toString);
    }
}
