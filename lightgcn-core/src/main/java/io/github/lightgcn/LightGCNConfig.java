package io.github.lightgcn;

import io.github.lightgcn.internal.Arguments;
import io.github.lightgcn.eval.Metric;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides the result of a LightGCN fit, and nothing else. Immutable; build with
 * {@link #builder()}. Every value is checked when set, and an {@link IllegalArgumentException} names the value and
 * its allowed range.
 *
 * <p>It holds the model and optimiser hyper-parameters, the seed, the sampler and the initialisation, the number of
 * epochs, and the monitoring settings that decide which embeddings the model holds: {@code evalEvery},
 * {@code patience}, {@code minDelta} and the monitored metric. {@link #topK()} is here too: the cut-offs do not
 * change the embeddings, but they are part of what a fit returns (the evaluations of its
 * {@link TrainingSummary}, the best evaluation a checkpoint carries), so a run resumed with other cut-offs would
 * report a mixture. How a fit runs (threads, evaluation block size, time bound, checkpoints, resuming, listeners)
 * is in {@link FitOptions}: it never changes a number.
 *
 * <p>Two configurations are {@link #equals equal} when every value is; a checkpoint may be resumed under a
 * configuration equal to its own but for {@link #epochs()} (so a run can be extended).
 *
 * <p>Defaults are the paper's: d 64, K 3, lr 1e-3, λ 1e-4, batch 2048, N(0, 0.1²) init, user-uniform sampling,
 * BPR with one negative per positive ({@link Loss}). A map without {@code loss} (older models and checkpoints) reads
 * as that.
 */
public final class LightGCNConfig {

    private final int embeddingDim;
    private final int layers;
    private final double learningRate;
    private final double l2;
    private final int batchSize;
    private final int epochs;
    private final int evalEvery;
    private final int patience;
    private final double minDelta;
    private final Metric monitorMetric;
    private final int monitorK;
    private final int[] topK;
    private final Sampling sampling;
    private final Initialization initialization;
    private final double initStd;
    private final long seed;
    private final Loss loss;
    private final double learningRateDecay;

    private LightGCNConfig(Builder b) {
        this.embeddingDim = b.embeddingDim;
        this.layers = b.layers;
        this.learningRate = b.learningRate;
        this.l2 = b.l2;
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.evalEvery = b.evalEvery;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.monitorMetric = b.monitorMetric;
        this.monitorK = b.monitorK;
        this.topK = b.topK.clone();
        this.sampling = b.sampling;
        this.initialization = b.initialization;
        this.initStd = b.initStd;
        this.seed = b.seed;
        this.loss = b.loss;
        this.learningRateDecay = b.learningRateDecay;
    }

    public static Builder builder() { return new Builder(); }

    /** The paper's settings. */
    public static LightGCNConfig defaults() { return builder().build(); }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.embeddingDim = embeddingDim;
        b.layers = layers;
        b.learningRate = learningRate;
        b.l2 = l2;
        b.batchSize = batchSize;
        b.epochs = epochs;
        b.evalEvery = evalEvery;
        b.patience = patience;
        b.minDelta = minDelta;
        b.monitorMetric = monitorMetric;
        b.monitorK = monitorK;
        b.topK = topK.clone();
        b.sampling = sampling;
        b.initialization = initialization;
        b.initStd = initStd;
        b.seed = seed;
        b.loss = loss;
        b.learningRateDecay = learningRateDecay;
        return b;
    }

    public int embeddingDim() { return embeddingDim; }
    public int layers() { return layers; }
    public double learningRate() { return learningRate; }
    public double l2() { return l2; }
    public int batchSize() { return batchSize; }
    public int epochs() { return epochs; }
    public int evalEvery() { return evalEvery; }
    /** Evaluations without improvement before training stops; 0 = never stop early. */
    public int patience() { return patience; }
    /** The smallest increase of the monitored metric that counts as an improvement. */
    public double minDelta() { return minDelta; }
    public Metric monitorMetric() { return monitorMetric; }
    public int monitorK() { return monitorK; }
    /** The cut-offs evaluated, ascending (always includes {@link #monitorK()}). */
    public int[] topK() { return topK.clone(); }
    public Sampling sampling() { return sampling; }
    public Initialization initialization() { return initialization; }
    public double initStd() { return initStd; }
    public long seed() { return seed; }
    /** The training objective ({@link Loss#paper()}, BPR with one negative, by default). */
    public Loss loss() { return loss; }
    /**
     * γ of the learning-rate schedule: epoch e (from 1) steps with {@code learningRate · γ^(e−1)}; 1 (the default,
     * the paper's) keeps the rate constant.
     */
    public double learningRateDecay() { return learningRateDecay; }

    /** The learning rate of {@code epoch} (from 1) under the schedule; exactly {@link #learningRate()} when γ is 1. */
    public double learningRateAt(int epoch) { return learningRate * Math.pow(learningRateDecay, epoch - 1); }

    /** Every value by name, for logs and model provenance. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("embeddingDim", Integer.toString(embeddingDim));
        m.put("layers", Integer.toString(layers));
        m.put("learningRate", Double.toString(learningRate));
        m.put("l2", Double.toString(l2));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("epochs", Integer.toString(epochs));
        m.put("evalEvery", Integer.toString(evalEvery));
        m.put("patience", Integer.toString(patience));
        m.put("minDelta", Double.toString(minDelta));
        m.put("monitor", monitorMetric.label() + "@" + monitorK);
        m.put("topK", Arrays.toString(topK));
        m.put("sampling", sampling.name());
        m.put("initialization", initialization.name());
        m.put("initStd", Double.toString(initStd));
        m.put("seed", Long.toString(seed));
        m.put("loss", loss.toString());
        m.put("learningRateDecay", Double.toString(learningRateDecay));
        return m;
    }

    /**
     * The configuration that {@link #asMap()} describes: the inverse of {@code asMap()}, e.g. to rebuild what a
     * model's {@link Provenance#config()} or a checkpoint recorded. A key absent from {@code values} keeps its
     * default; every value is checked as its setter checks it.
     *
     * @throws IllegalArgumentException for a key that is not a configuration value, or a value that does not parse
     *                                  or is out of range (the message names the key)
     */
    public static LightGCNConfig fromMap(Map<String, String> values) {
        Builder b = builder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey(), v = e.getValue();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a configuration value; they are " + KEYS);
            }
            try {
                set(b, key, v);
            } catch (IllegalArgumentException bad) { // NumberFormatException included
                throw new IllegalArgumentException("configuration value " + key + " = '" + v + "' is invalid: "
                        + bad.getMessage(), bad);
            }
        }
        return b.build();
    }

    /** The names of {@link #asMap()}. */
    private static final List<String> KEYS = List.copyOf(defaults().asMap().keySet());

    private static void set(Builder b, String key, String v) {
        switch (key) {
            case "embeddingDim" -> b.embeddingDim(Integer.parseInt(v));
            case "layers" -> b.layers(Integer.parseInt(v));
            case "learningRate" -> b.learningRate(Double.parseDouble(v));
            case "l2" -> b.l2(Double.parseDouble(v));
            case "batchSize" -> b.batchSize(Integer.parseInt(v));
            case "epochs" -> b.epochs(Integer.parseInt(v));
            case "evalEvery" -> b.evalEvery(Integer.parseInt(v));
            case "patience" -> b.patience(Integer.parseInt(v));
            case "minDelta" -> b.minDelta(Double.parseDouble(v));
            case "monitor" -> {
                int at = v.lastIndexOf('@');
                if (at < 0) throw new IllegalArgumentException("not metric@k");
                b.monitor(Metric.fromLabel(v.substring(0, at)), Integer.parseInt(v.substring(at + 1)));
            }
            case "topK" -> {
                String list = v.strip();
                if (!list.startsWith("[") || !list.endsWith("]")) throw new IllegalArgumentException("not [k, ...]");
                b.topK(Arrays.stream(list.substring(1, list.length() - 1).split(","))
                        .mapToInt(k -> Integer.parseInt(k.strip())).toArray());
            }
            case "sampling" -> b.sampling(Sampling.valueOf(v));
            case "initialization" -> b.initialization(Initialization.valueOf(v));
            case "initStd" -> b.initStd(Double.parseDouble(v));
            case "seed" -> b.seed(Long.parseLong(v));
            case "loss" -> b.loss(Loss.parse(v));
            case "learningRateDecay" -> b.learningRateDecay(Double.parseDouble(v));
            default -> throw new IllegalStateException("asMap() has a key set() does not know: " + key);
        }
    }

    /** A copy with another number of epochs (every other value the same). */
    public LightGCNConfig withEpochs(int epochs) { return toBuilder().epochs(epochs).build(); }

    /** Whether every value is the same (doubles compared bit for bit, as they decide the result). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LightGCNConfig c && embeddingDim == c.embeddingDim && layers == c.layers
                && same(learningRate, c.learningRate) && same(l2, c.l2) && batchSize == c.batchSize
                && epochs == c.epochs && evalEvery == c.evalEvery && patience == c.patience
                && same(minDelta, c.minDelta) && monitorMetric == c.monitorMetric && monitorK == c.monitorK
                && Arrays.equals(topK, c.topK) && sampling == c.sampling && initialization == c.initialization
                && same(initStd, c.initStd) && seed == c.seed && loss.equals(c.loss)
                && same(learningRateDecay, c.learningRateDecay);
    }

    private static boolean same(double a, double b) { return Double.doubleToLongBits(a) == Double.doubleToLongBits(b); }

    @Override
    public int hashCode() {
        int h = Objects.hash(embeddingDim, layers, learningRate, l2, batchSize, epochs, evalEvery, patience, minDelta,
                monitorMetric, monitorK, sampling, initialization, initStd, seed, loss, learningRateDecay);
        return 31 * h + Arrays.hashCode(topK);
    }

    @Override
    public String toString() { return "LightGCNConfig" + asMap(); }

    /** Mutable builder; each setter validates its argument at once. */
    public static final class Builder {
        private int embeddingDim = 64;
        private int layers = 3;
        private double learningRate = 1e-3;
        private double l2 = 1e-4;
        private int batchSize = 2048;
        private int epochs = 1000;
        private int evalEvery = 10;
        private int patience = 0;
        private double minDelta = 0;
        private Metric monitorMetric = Metric.NDCG;
        private int monitorK = 20;
        private int[] topK = {20};
        private Sampling sampling = Sampling.USER_UNIFORM;
        private Initialization initialization = Initialization.NORMAL;
        private double initStd = 0.1;
        private long seed = 2020;
        private Loss loss = Loss.paper();
        private double learningRateDecay = 1;

        private Builder() {}

        /** Embedding dimension d, in [1, 4096]. */
        public Builder embeddingDim(int v) { embeddingDim = Arguments.inRange("embeddingDim", v, 1, 4096); return this; }
        /** Propagation layers K, in [0, 16] (0 is matrix factorisation). */
        public Builder layers(int v) { layers = Arguments.inRange("layers", v, 0, 16); return this; }
        /** Adam learning rate, in (0, 10]. */
        public Builder learningRate(double v) { learningRate = Arguments.inRange("learningRate", v, 0, 10, true); return this; }

        /**
         * γ in (0, 1]: each epoch's learning rate is the previous one's times γ (epoch e: {@code learningRate ·
         * γ^(e−1)}), so that Adam settles into a minimum instead of hopping around it; 1 (default) is a constant
         * rate.
         */
        public Builder learningRateDecay(double v) {
            learningRateDecay = Arguments.inRange("learningRateDecay", v, 0, 1, true);
            return this;
        }
        /** L2 weight λ on the batch's ego embeddings, in [0, 10]. */
        public Builder l2(double v) { l2 = Arguments.inRange("l2", v, 0, 10, false); return this; }
        /** Triples per batch, in [1, 1048576]. */
        public Builder batchSize(int v) { batchSize = Arguments.inRange("batchSize", v, 1, 1 << 20); return this; }
        /** Maximum number of epochs, in [1, 1000000]. */
        public Builder epochs(int v) { epochs = Arguments.inRange("epochs", v, 1, 1_000_000); return this; }
        /** Evaluate every this many epochs (when an evaluation graph is given), in [1, 1000000]. */
        public Builder evalEvery(int v) { evalEvery = Arguments.inRange("evalEvery", v, 1, 1_000_000); return this; }
        /** Evaluations without improvement before stopping, in [0, 1000000]; 0 turns early stopping off. */
        public Builder patience(int v) { patience = Arguments.inRange("patience", v, 0, 1_000_000); return this; }
        /** Smallest improvement of the monitored metric that counts, in [0, 1]. */
        public Builder minDelta(double v) { minDelta = Arguments.inRange("minDelta", v, 0, 1, false); return this; }

        /** The metric that early stopping watches (default NDCG@20); K must be in [1, 10000]. */
        public Builder monitor(Metric metric, int k) {
            if (metric == null) throw new IllegalArgumentException("monitor metric must not be null");
            monitorMetric = metric;
            monitorK = Arguments.inRange("monitor K", k, 1, 10_000);
            return this;
        }

        /** The cut-offs to evaluate, each in [1, 10000]; at least one. */
        public Builder topK(int... ks) {
            if (ks == null || ks.length == 0) throw new IllegalArgumentException("topK needs at least one value");
            for (int k : ks) Arguments.inRange("topK value", k, 1, 10_000);
            topK = Arrays.stream(ks).sorted().distinct().toArray();
            return this;
        }

        public Builder sampling(Sampling v) {
            if (v == null) throw new IllegalArgumentException("sampling must not be null");
            sampling = v;
            return this;
        }

        public Builder initialization(Initialization v) {
            if (v == null) throw new IllegalArgumentException("initialization must not be null");
            initialization = v;
            return this;
        }

        /** Standard deviation of the NORMAL initialisation, in (0, 10]. */
        public Builder initStd(double v) { initStd = Arguments.inRange("initStd", v, 0, 10, true); return this; }
        /** Seed of every random choice (initialisation, sampling); any value. */
        public Builder seed(long v) { seed = v; return this; }

        /** The training objective; {@link Loss#paper()} (BPR, one negative per positive) by default. */
        public Builder loss(Loss v) {
            if (v == null) throw new IllegalArgumentException("loss must not be null");
            loss = v;
            return this;
        }

        public LightGCNConfig build() {
            if (Arrays.binarySearch(topK, monitorK) < 0) {
                int[] withMonitor = Arrays.copyOf(topK, topK.length + 1);
                withMonitor[topK.length] = monitorK;
                topK = Arrays.stream(withMonitor).sorted().distinct().toArray();
            }
            return new LightGCNConfig(this);
        }
    }
}
