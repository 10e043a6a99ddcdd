package io.github.lightgcn.bench;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.FoldInMethod;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.Sampling;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.internal.eval.PopularityScorer;
import io.github.lightgcn.internal.foldin.GradientFoldIn;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.random.Rng;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How good the new-user path is, measured: 10% of the users (seeded) are held out of training entirely; the model
 * is trained on the others' 80% (seeded per user) and evaluated on their 20%; each held-out user is folded in from
 * a random 80% of their items (left out of the ranking) and evaluated on the other 20%. Popularity (training
 * degree) is measured the same way for both groups. Every figure is full-ranking recall/NDCG@20 computed by the
 * library's evaluator. The gradient fold-in's learning rate is chosen on the trained users (folded in from their
 * own training 80%, scored on their 20%), never on the new users.
 *
 * <pre>
 *   java -cp lightgcn-bench/target/benchmarks.jar io.github.lightgcn.bench.NewUserAccuracy --dataset mal --seed 1
 * </pre>
 * Options: {@code --dataset mal|lastfm}, {@code --seed S} (the user and item splits), {@code --epochs E}
 * (MAL 500, LastFM 1000), {@code --threads T}, {@code --steps N} (gradient fold-in steps, 20), {@code --model F}
 * (load the trained model from F when it exists, else train and save it there).
 */
public final class NewUserAccuracy {

    private static final int K = 20, SEEDS = 5;
    private static final double PROPAGATION = -1, LIBRARY_DEFAULT = -2; // fold-ins through the public API
    private static final double[] LEARNING_RATES = {0, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000};

    private NewUserAccuracy() {}

    /** The groups of one split: trained users' 80/20 and new users' 80/20, on one item universe. */
    record Groups(InteractionGraph train, InteractionGraph trainTest, InteractionGraph newFold,
                  InteractionGraph newTest, int heldOutUsers) {}

    public static void main(String[] args) throws IOException {
        String dataset = "mal";
        long seed = 1;
        Path modelFile = null;
        int epochs = -1, threads = Runtime.getRuntime().availableProcessors(), steps = 20;
        for (int a = 0; a < args.length; a += 2) {
            String v = args[a + 1];
            switch (args[a]) {
                case "--dataset" -> dataset = v;
                case "--seed" -> seed = Long.parseLong(v);
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--model" -> modelFile = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[a]
                        + " (--dataset mal|lastfm, --seed, --epochs, --threads, --steps, --model)");
            }
        }
        boolean mal = switch (dataset) {
            case "mal" -> true;
            case "lastfm" -> false;
            default -> throw new IllegalArgumentException("--dataset must be mal or lastfm, got " + dataset);
        };
        if (epochs < 0) epochs = mal ? 500 : 1000;
        InteractionGraph all = load(mal);
        Groups g = split(all, seed);
        System.out.printf(Locale.ROOT, "%s: %d users x %d items, %d interactions; seed %d; held out %d users%n",
                dataset, all.numUsers(), all.numItems(), all.numEdges(), seed, g.heldOutUsers());
        System.out.printf(Locale.ROOT, "trained: %d users, %d train / %d test interactions; new: %d fold / %d test%n",
                g.train().numUsers(), g.train().numEdges(), g.trainTest().numEdges(), g.newFold().numEdges(),
                g.newTest().numEdges());

        LightGCNConfig config = LightGCNConfig.builder().layers(3).embeddingDim(64).batchSize(2048)
                .learningRate(1e-3).l2(1e-4).sampling(mal ? Sampling.EDGE_UNIFORM : Sampling.USER_UNIFORM)
                .seed(2020).epochs(epochs).build();
        long t0 = System.nanoTime();
        LightGCNModel model;
        if (modelFile != null && java.nio.file.Files.exists(modelFile)) {
            model = LightGCNModel.load(modelFile);
            if (model.trainGraph().numUsers() != g.train().numUsers()
                    || model.trainGraph().numEdges() != g.train().numEdges()) {
                throw new IllegalArgumentException(modelFile + " was not trained on this split");
            }
            System.out.println("loaded " + modelFile + " (" + model.provenance().epochsRun() + " epochs)");
        } else {
            model = new LightGCN(config).fit(g.train(), null, FitOptions.builder().threads(threads).build());
            System.out.printf(Locale.ROOT, "trained %d epochs (%s) in %.1f s%n", epochs, config.sampling(),
                    (System.nanoTime() - t0) / 1e9);
            if (modelFile != null) model.save(modelFile);
        }

        EvaluationOptions at20 = EvaluationOptions.builder().ks(K).threads(threads).build();
        Metrics trained = model.evaluate(g.trainTest(), at20);
        Metrics trainedCheck = Evaluator.run(new EmbeddingScorer(model.userEmbeddings(), model.itemEmbeddings(),
                model.dim()), g.train(), g.trainTest(), at20);
        if (trained.recall(K) != trainedCheck.recall(K) || trained.ndcg(K) != trainedCheck.ndcg(K)) {
            throw new AssertionError("the evaluator path disagrees with model.evaluate: " + trained + " vs "
                    + trainedCheck);
        }
        Metrics trainedPop = model.evaluatePopularity(g.trainTest(), at20);

        // the gradient fold-in's learning rate, chosen on the trained users (their training items as the likes)
        double best = 0, bestNdcg = -1;
        for (double lr : LEARNING_RATES) {
            Metrics m = evaluateFoldIn(model, g.train(), g.trainTest(), steps, lr, at20);
            System.out.printf(Locale.ROOT, "  validation (trained users folded in), steps %d lr %-5s %s%n", steps,
                    lr, m.format());
            if (m.ndcg(K) > bestNdcg) {
                bestNdcg = m.ndcg(K);
                best = lr;
            }
        }
        System.out.printf(Locale.ROOT, "chosen: steps %d, learning rate %s%n", steps, best);

        Metrics formula = evaluateFoldIn(model, g.newFold(), g.newTest(), 0, PROPAGATION, at20);
        Metrics library = evaluateFoldIn(model, g.newFold(), g.newTest(), 0, LIBRARY_DEFAULT, at20);
        Metrics gradient = evaluateFoldIn(model, g.newFold(), g.newTest(), steps, best, at20);
        // the fit's negatives are random: the spread over seeds of the draws, at the chosen and the default rate
        for (double lr : new double[]{best, FoldInMethod.LEARNING_RATE}) {
            double[] ndcg = new double[SEEDS], recall = new double[SEEDS];
            for (int r = 0; r < SEEDS; r++) {
                Metrics m = evaluateFoldIn(model, g.newFold(), g.newTest(), steps, lr, at20, 1_000_003L * (r + 1));
                ndcg[r] = m.ndcg(K);
                recall[r] = m.recall(K);
            }
            System.out.printf(Locale.ROOT, "new users, gradient lr %s over %d negative seeds: recall@20 %s, "
                    + "NDCG@20 %s%n", lr, SEEDS, spread(recall), spread(ndcg));
        }
        Metrics newPop = Evaluator.run(new PopularityScorer(model.trainGraph()), g.newFold(), g.newTest(), at20);

        System.out.println("| group | method | users | recall@20 | NDCG@20 |");
        row(dataset, "trained users", "LightGCN", trained);
        row(dataset, "trained users", "popularity", trainedPop);
        row(dataset, "new users", "recommendForNewUser PROPAGATION (the formula)", formula);
        row(dataset, "new users", "recommendForNewUser GRADIENT (" + FoldInMethod.STEPS + " steps, lr "
                + FoldInMethod.LEARNING_RATE + ")", library);
        row(dataset, "new users", "gradient fold-in (" + steps + " steps, lr " + best + ")", gradient);
        row(dataset, "new users", "popularity", newPop);
    }

    private static String spread(double[] v) {
        double sum = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return String.format(Locale.ROOT, "mean %.5f (min %.5f, max %.5f)", sum / v.length, min, max);
    }

    private static void row(String dataset, String group, String method, Metrics m) {
        System.out.printf(Locale.ROOT, "| %s %s | %s | %d | %.5f | %.5f |%n", dataset, group, method, m.numUsers(),
                m.recall(K), m.ndcg(K));
    }

    /**
     * Each user of {@code fold} folded in from their fold items ({@link #PROPAGATION}: the library's formula,
     * {@link #LIBRARY_DEFAULT}: the library's GRADIENT with its defaults, both through {@code recommendForNewUserByIndex};
     * lr &ge; 0: the gradient fold-in with that learning rate), ranked over all items but those, scored on
     * {@code test} by the library's evaluator.
     */
    static Metrics evaluateFoldIn(LightGCNModel model, InteractionGraph fold, InteractionGraph test, int steps,
                                  double lr, EvaluationOptions options) {
        return evaluateFoldIn(model, fold, test, steps, lr, options, 0);
    }

    /** As above, the gradient fit's negatives drawn with seed {@code FoldInMethod.SEED + seedOffset + user}. */
    static Metrics evaluateFoldIn(LightGCNModel model, InteractionGraph fold, InteractionGraph test, int steps,
                                  double lr, EvaluationOptions options, long seedOffset) {
        int dim = model.dim();
        float[] items = model.itemEmbeddings();
        float[] vectors = new float[fold.numUsers() * dim];
        RecommendOptions byDefault = RecommendOptions.builder().k(1).foldIn(FoldInMethod.GRADIENT).build();
        RecommendOptions propagation = RecommendOptions.builder().k(1).foldIn(FoldInMethod.PROPAGATION).build();
        for (int u = 0; u < fold.numUsers(); u++) {
            int[] liked = fold.itemsOf(u);
            if (liked.length == 0 || test.userDegree(u) == 0) continue; // not evaluated
            float[] f = model.recommendForNewUserByIndex(liked, propagation).userVector();
            float[] v = lr == PROPAGATION ? f
                    : lr == LIBRARY_DEFAULT ? model.recommendForNewUserByIndex(liked, byDefault).userVector()
                    : GradientFoldIn.userVector(items, dim, 3, f, liked,
                    new GradientFoldIn.Settings(steps, lr, FoldInMethod.L2, FoldInMethod.SEED + seedOffset + u));
            System.arraycopy(v, 0, vectors, u * dim, dim);
        }
        return Evaluator.run(new EmbeddingScorer(vectors, items, dim), fold, test, options);
    }

    static InteractionGraph load(boolean mal) throws IOException {
        Path shared = Datasets.shared();
        InteractionSplit s = mal
                ? SplitReader.read(ReadOptions.of(DataFormat.CSV), shared.resolve("data/mal/split/train.csv"),
                        shared.resolve("data/mal/split/val.csv"), shared.resolve("data/mal/split/test.csv"))
                : SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withIndexBase(1).withUniverse(1892, 4489),
                        shared.resolve("data/lastfm-lgcn/data1.txt"), null,
                        shared.resolve("data/lastfm-lgcn/test1.txt"));
        List<InteractionGraph> parts = new ArrayList<>(List.of(s.train(), s.test()));
        s.validation().ifPresent(parts::add);
        int n = 0;
        for (InteractionGraph p : parts) n += p.numEdges();
        int[] us = new int[n], is = new int[n];
        int[] at = {0};
        for (InteractionGraph p : parts) {
            p.forEachEdge((u, i) -> {
                us[at[0]] = u;
                is[at[0]++] = i;
            });
        }
        return InteractionGraph.fromPairs(s.numUsers(), s.numItems(), us, is);
    }

    /** 10% of the users (seeded shuffle) held out; every user's items shuffled (seeded) and cut 80/20. */
    static Groups split(InteractionGraph all, long seed) {
        int n = all.numUsers();
        int[] order = shuffled(n, new Rng(seed));
        int held = n / 10;
        boolean[] isNew = new boolean[n];
        for (int p = 0; p < held; p++) isNew[order[p]] = true;
        int[] newIndex = new int[n];
        int trainedCount = 0, newCount = 0;
        for (int u = 0; u < n; u++) newIndex[u] = isNew[u] ? newCount++ : trainedCount++;
        Edges train = new Edges(), trainTest = new Edges(), fold = new Edges(), newTest = new Edges();
        for (int u = 0; u < n; u++) {
            int[] items = all.itemsOf(u);
            int[] perm = shuffled(items.length, Rng.stream(seed, 1, u));
            int cut = Math.max(1, (int) Math.round(0.8 * items.length));
            for (int p = 0; p < items.length; p++) {
                Edges e = p < cut ? (isNew[u] ? fold : train) : (isNew[u] ? newTest : trainTest);
                e.add(newIndex[u], items[perm[p]]);
            }
        }
        int m = all.numItems();
        return new Groups(train.graph(trainedCount, m), trainTest.graph(trainedCount, m), fold.graph(newCount, m),
                newTest.graph(newCount, m), held);
    }

    private static int[] shuffled(int n, Rng rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static final class Edges {
        private int[] users = new int[1024], items = new int[1024];
        private int size;

        void add(int u, int i) {
            if (size == users.length) {
                users = java.util.Arrays.copyOf(users, size * 2);
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            users[size] = u;
            items[size++] = i;
        }

        InteractionGraph graph(int numUsers, int numItems) {
            return InteractionGraph.fromPairs(numUsers, numItems, java.util.Arrays.copyOf(users, size),
                    java.util.Arrays.copyOf(items, size));
        }
    }
}
