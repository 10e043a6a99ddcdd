package io.github.lightgcn.bench.recipe;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures training recipes on a split with a validation file, as a user who tunes honestly would: each trial
 * trains on {@code train}, evaluates on {@code val} every {@code evalEvery} epochs and keeps its best epoch
 * (early stopping on NDCG@20); the trial with the best validation NDCG@20 is then evaluated once on {@code test}
 * (training items masked, the library's evaluator; {@code --no-test} leaves it out, for the parts of a search run
 * apart). Every trial's line (configuration, best epoch, val figures,
 * seconds) is appended to {@code --log}, the chosen one's test figures last.
 *
 * <p>{@code --parts DIR} reads instead the four 0-based pair files that {@code lightgcn-bench-als --write-split}
 * writes for a split without a validation file (LastFM, Gowalla): the trials train on {@code grid-train.txt} and
 * are chosen on {@code validation.txt}, as ALS's grid was; the chosen configuration is then refitted on the whole
 * {@code train.txt} for its best epoch count (no early stopping: the validation part is inside that train), and that
 * refit is what {@code test.txt} scores, as ALS's winner is refitted and scored.
 *
 * <p>A trial is one argument of {@code key=value} pairs separated by {@code ;}, the keys of
 * {@link LightGCNConfig#asMap()} over a base of {@code epochs=400; evalEvery=5; patience=4}, e.g.
 * {@code "loss=sampled-softmax(negatives=128, temperature=0.1, score=cosine); embeddingDim=128; layers=2"}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp lightgcn-bench/target/benchmarks.jar \
 *     io.github.lightgcn.bench.recipe.RecipeSearch --split ../shared/data/mal/split --threads 2 \
 *     --log results/recipes/mal.tsv "loss=bpr(negatives=1)" "loss=sampled-softmax(negatives=128)"
 * </pre>
 */
public final class RecipeSearch {

    private RecipeSearch() {}

    /** One trial's outcome on validation. */
    record Trial(LightGCNConfig config, LightGCNModel model, Metrics val, TrainingSummary summary) {}

    public static void main(String[] args) throws IOException {
        Path split = Path.of("../shared/data/mal/split"), log = Path.of("results/recipes/trials.tsv"), parts = null;
        int threads = 2;
        boolean test = true;
        List<String> specs = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--split" -> split = Path.of(args[++a]);
                case "--parts" -> parts = Path.of(args[++a]);
                case "--log" -> log = Path.of(args[++a]);
                case "--threads" -> threads = Integer.parseInt(args[++a]);
                case "--no-test" -> test = false; // a part of a search: the test split is read once, at its end
                default -> specs.add(args[a]);
            }
        }
        if (specs.isEmpty()) throw new IllegalArgumentException("no trial given: pass one \"key=value; ...\" per trial");
        InteractionSplit data = parts == null
                ? SplitReader.read(ReadOptions.of(DataFormat.CSV), split.resolve("train.csv"), split.resolve("val.csv"),
                split.resolve("test.csv"))
                : SplitReader.read(ReadOptions.of(DataFormat.PAIRS), parts.resolve("grid-train.txt"),
                parts.resolve("validation.txt"), parts.resolve("test.txt"));
        InteractionGraph train = data.train(), val = data.validation().orElseThrow(), testGraph = data.test();
        System.out.println("data: " + data.summary());
        InteractionGraph refitTrain = null;
        if (parts != null) {
            // the grid's universe, so that the refit scores the same test graph (an id outside it is an error)
            ReadOptions same = new ReadOptions(DataFormat.PAIRS, 0, train.numUsers(), train.numItems());
            InteractionSplit whole = SplitReader.read(same, parts.resolve("train.txt"), null, parts.resolve("test.txt"));
            refitTrain = whole.train();
            System.out.println("refit on: " + whole.summary());
        }
        if (log.getParent() != null) Files.createDirectories(log.getParent());
        FitOptions options = FitOptions.builder().threads(threads).listener(new TrainingListener() {
            @Override
            public void onEvaluation(EvaluationStats e) {
                System.out.printf(Locale.ROOT, "  epoch %d: val recall %.5f ndcg %.5f%s%n", e.epoch(),
                        e.metrics().get(Metric.RECALL, 20), e.metrics().get(Metric.NDCG, 20), e.improved() ? " *" : "");
            }
        }).build();
        Trial best = null;
        for (String spec : specs) {
            LightGCNConfig config = parse(spec);
            long start = System.nanoTime();
            LightGCNModel model = new LightGCN(config).fit(train, val, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingSummary s = model.trainingSummary();
            Metrics v = s.bestEvaluation();
            Trial t = new Trial(config, model, v, s);
            String line = String.format(Locale.ROOT, "%s\tval\trecall=%.5f\tndcg=%.5f\tbestEpoch=%d\tepochs=%d\t"
                            + "train_s=%.1f\twall_s=%.1f\tepoch_s=%.3f\t%s", stamp(), v.get(Metric.RECALL, 20),
                    v.get(Metric.NDCG, 20), s.bestEpoch(), s.epochsRun(), s.trainSeconds(), seconds,
                    s.medianEpochSeconds(), spec);
            System.out.println(line);
            append(log, line);
            if (best == null || v.get(Metric.NDCG, 20) > best.val().get(Metric.NDCG, 20)) best = t;
        }
        if (!test) return;
        LightGCNModel chosen = best.model();
        if (refitTrain != null) {
            LightGCNConfig refit = best.config().toBuilder().epochs(best.summary().bestEpoch()).patience(0).build();
            chosen = new LightGCN(refit).fit(refitTrain, null, FitOptions.builder().threads(threads).build());
            String line = String.format(Locale.ROOT, "%s	refit	on train.txt for %d epochs	train_s=%.1f", stamp(),
                    refit.epochs(), chosen.trainingSummary().trainSeconds());
            System.out.println(line);
            append(log, line);
        }
        Metrics m = chosen.evaluate(testGraph, 20);
        String line = String.format(Locale.ROOT, "%s\ttest\trecall=%.5f\tndcg=%.5f\tprecision=%.5f\t(chosen on val "
                        + "of %d trials: val ndcg=%.5f, best epoch %d, train %.1f s)\t%s", stamp(),
                m.get(Metric.RECALL, 20), m.get(Metric.NDCG, 20), m.get(Metric.PRECISION, 20), specs.size(),
                best.val().get(Metric.NDCG, 20), best.summary().bestEpoch(), best.summary().trainSeconds(),
                best.config().asMap());
        System.out.println(line);
        append(log, line);
    }

    /** The trial's configuration over the search's base (400 epochs, evaluation every 5, patience 4). */
    static LightGCNConfig parse(String spec) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("epochs", "400");
        values.put("evalEvery", "5");
        values.put("patience", "4");
        for (String part : spec.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("trial part '" + part.strip() + "' is not key=value");
            values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return LightGCNConfig.fromMap(values);
    }

    private static String stamp() { return java.time.LocalTime.now().withNano(0).toString(); }

    private static void append(Path log, String line) throws IOException {
        Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
