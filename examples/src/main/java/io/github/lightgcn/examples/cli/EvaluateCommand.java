package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.examples.training.HeldOut;
import io.github.lightgcn.examples.training.MetricTable;
import io.github.lightgcn.examples.training.SplitModelIds;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.io.split.Interactions;
import io.github.lightgcn.io.split.InteractionsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lightgcn evaluate}: full-ranking metrics of a saved model on a CSV of held-out {@code user_id,anime_id}
 * pairs (original MAL ids), next to the popularity baseline of the same training data. Pairs the model cannot
 * score are counted and reported, never silently dropped: unknown users, unknown anime, and pairs that are
 * training interactions (masked from the ranking, so they could never be hits).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Recall, precision and NDCG @10 and @20 of a model on held-out pairs, next to the "
                + "popularity baseline.",
        footer = {"", "Example:", "  lightgcn evaluate --model anime.lgcn --test test.csv"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by train.")
    Path modelFile;

    @Option(names = "--test", required = true, paramLabel = "FILE",
            description = "Held-out pairs: for an anime model a CSV with a user_id,anime_id header (more columns are "
                    + "ignored); for a model trained on split files, a file in that model's format.")
    Path testFile;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws IOException {
        int threads = this.threads.value(spec);
        InputFiles.require("--model", modelFile);
        InputFiles.require("--test", testFile);
        LightGCNModel model = LightGCNModel.load(modelFile);
        String label, itemsWord;
        HeldOut held;
        if (AnimeModel.isAnime(model)) {
            AnimeModel anime = AnimeModel.from(model, modelFile);
            Interactions pairs = InteractionsCsv.read(testFile);
            held = HeldOut.map(pairs.size(), p -> anime.users().indexOf(pairs.userId(p)),
                    p -> anime.anime().indexOf(pairs.itemId(p)), model.trainGraph());
            label = testFile.toString();
            itemsWord = "anime";
        } else {
            SplitModelIds ids = SplitModelIds.from(model, modelFile).orElseThrow(() -> new CliFailure(modelFile
                    + " carries no id data to read held-out files with (it was not saved by 'lightgcn train')"));
            held = ids.read(testFile, model);
            label = testFile + " (" + ids.format() + ")";
            itemsWord = "items";
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(label + ": " + held.summary(itemsWord));
        if (held.graph().numEdges() == 0) throw new CliFailure(testFile + ": no pair the model can score");
        report(out, model, held.graph(), threads);
        return 0;
    }

    /** The metric table of the model and of popularity on held-out pairs. */
    private static void report(PrintWriter out, LightGCNModel m, InteractionGraph heldOut, int threads) {
        EvaluationOptions options = EvaluationOptions.builder().ks(10, 20).threads(threads).build();
        Metrics lightgcn = m.evaluate(heldOut, options), popularity = m.evaluatePopularity(heldOut, options);
        out.printf(Locale.ROOT, "metrics over %,d users:%n", lightgcn.numUsers());
        MetricTable.print(out, lightgcn, popularity);
    }
}
