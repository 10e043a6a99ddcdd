package io.github.lightgcn.examples;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.eval.EmbeddingScorer;
import io.github.lightgcn.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityScorer;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.io.mal.Interactions;
import io.github.lightgcn.io.mal.InteractionsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads. Default: the cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(testFile)) throw new CliFailure("--test file not found: " + testFile);
        if (!Files.exists(modelFile)) throw new CliFailure("model file not found: " + modelFile);
        LightGCNModel loaded = LightGCNModel.load(modelFile);
        if (!AnimeModel.isAnime(loaded)) {
            SplitModelIds ids = SplitModelIds.from(loaded, modelFile).orElseThrow(() -> new CliFailure(modelFile
                    + " carries no id data to read held-out files with (it was not saved by 'lightgcn train')"));
            SplitModelIds.HeldOut held = ids.read(testFile, loaded);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s (%s): %,d pairs; %,d evaluated, %,d of unknown users, %,d of unknown items, "
                            + "%,d already training interactions (not counted)%n", testFile, ids.format(), held.pairs(),
                    held.graph().numEdges(), held.unknownUsers(), held.unknownItems(), held.inTraining());
            if (held.graph().numEdges() == 0) throw new CliFailure(testFile + ": no pair the model can score");
            report(out, loaded, held.graph());
            return 0;
        }
        AnimeModel model = AnimeModel.load(modelFile);
        Interactions pairs = InteractionsCsv.read(testFile);
        Held held = map(pairs, model);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d pairs; %,d evaluated, %,d of unknown users, %,d of unknown anime, "
                        + "%,d already training interactions (not counted)%n", testFile, pairs.size(),
                held.graph.numEdges(), held.unknownUsers, held.unknownAnime, held.inTraining);
        if (held.graph.numEdges() == 0) throw new CliFailure(testFile + ": no pair the model can score");
        report(out, model.model(), held.graph);
        return 0;
    }

    /** The metric table of the model and of popularity on held-out pairs. */
    private void report(PrintWriter out, LightGCNModel m, InteractionGraph heldOut) {
        Metrics lightgcn, popularity;
        try (Workers workers = new Workers(Math.max(1, threads))) {
            Evaluator evaluator = new Evaluator(new int[]{10, 20}, 256, workers);
            lightgcn = evaluator.evaluate(new EmbeddingScorer(m.userEmbeddings(), m.itemEmbeddings(), m.dim()),
                    m.trainGraph(), heldOut);
            popularity = evaluator.evaluate(new PopularityScorer(m.trainGraph()), m.trainGraph(), heldOut);
        }
        out.printf(Locale.ROOT, "metrics over %,d users:%n", lightgcn.numUsers());
        MetricTable.print(out, lightgcn, popularity);
    }

    private record Held(InteractionGraph graph, long unknownUsers, long unknownAnime, long inTraining) {}

    private static Held map(Interactions pairs, AnimeModel model) {
        int[] users = new int[pairs.size()], items = new int[pairs.size()];
        int n = 0;
        long unknownUsers = 0, unknownAnime = 0, inTraining = 0;
        InteractionGraph train = model.model().trainGraph();
        for (int p = 0; p < pairs.size(); p++) {
            int u = model.users().indexOf(pairs.userId(p)), i = model.anime().indexOf(pairs.animeId(p));
            if (u < 0) unknownUsers++;
            else if (i < 0) unknownAnime++;
            else if (train.contains(u, i)) inTraining++;
            else {
                users[n] = u;
                items[n++] = i;
            }
        }
        InteractionGraph graph = InteractionGraph.fromPairs(train.numUsers(), train.numItems(),
                Arrays.copyOf(users, n), Arrays.copyOf(items, n));
        return new Held(graph, unknownUsers, unknownAnime, inTraining);
    }
}
