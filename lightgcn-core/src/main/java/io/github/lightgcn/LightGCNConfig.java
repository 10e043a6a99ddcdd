package io.github.lightgcn;

import io.github.lightgcn.eval.Metric;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of a LightGCN run. Immutable; build with {@link #builder()}. Every value is checked when
 * set, and an {@link IllegalArgumentException} names the value and its allowed range.
 *
 * <p>Defaults are the paper's: d 64, K 3, lr 1e-3, λ 1e-4, batch 2048, N(0, 0.1²) init, user-uniform sampling.
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
    private final int threads;
    private final int evalBlockSize;
    private final double maxTrainingSeconds;

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
        this.threads = b.threads;
        this.evalBlockSize = b.evalBlockSize;
        this.maxTrainingSeconds = b.maxTrainingSeconds;
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
        b.threads = threads;
        b.evalBlockSize = evalBlockSize;
        b.maxTrainingSeconds = maxTrainingSeconds;
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
    public int threads() { return threads; }
    public int evalBlockSize() { return evalBlockSize; }
    /** Stop after this many seconds of training (checked after each epoch); 0 = no limit. */
    public double maxTrainingSeconds() { return maxTrainingSeconds; }

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
        m.put("threads", Integer.toString(threads));
        m.put("evalBlockSize", Integer.toString(evalBlockSize));
        m.put("maxTrainingSeconds", Double.toString(maxTrainingSeconds));
        return m;
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
        private int threads = Runtime.getRuntime().availableProcessors();
        private int evalBlockSize = 256;
        private double maxTrainingSeconds = 0;

        private Builder() {}

        private static int checkInt(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
            }
            return value;
        }

        private static double checkDouble(String name, double value, double min, double max, boolean minExclusive) {
            boolean ok = !Double.isNaN(value) && (minExclusive ? value > min : value >= min) && value <= max;
            if (!ok) {
                throw new IllegalArgumentException(name + " must be in " + (minExclusive ? "(" : "[") + min + ", "
                        + max + "], got " + value);
            }
            return value;
        }

        /** Embedding dimension d, in [1, 4096]. */
        public Builder embeddingDim(int v) { embeddingDim = checkInt("embeddingDim", v, 1, 4096); return this; }
        /** Propagation layers K, in [0, 16] (0 is matrix factorisation). */
        public Builder layers(int v) { layers = checkInt("layers", v, 0, 16); return this; }
        /** Adam learning rate, in (0, 10]. */
        public Builder learningRate(double v) { learningRate = checkDouble("learningRate", v, 0, 10, true); return this; }
        /** L2 weight λ on the batch's ego embeddings, in [0, 10]. */
        public Builder l2(double v) { l2 = checkDouble("l2", v, 0, 10, false); return this; }
        /** Triples per batch, in [1, 1048576]. */
        public Builder batchSize(int v) { batchSize = checkInt("batchSize", v, 1, 1 << 20); return this; }
        /** Maximum number of epochs, in [1, 1000000]. */
        public Builder epochs(int v) { epochs = checkInt("epochs", v, 1, 1_000_000); return this; }
        /** Evaluate every this many epochs (when an evaluation graph is given), in [1, 1000000]. */
        public Builder evalEvery(int v) { evalEvery = checkInt("evalEvery", v, 1, 1_000_000); return this; }
        /** Evaluations without improvement before stopping, in [0, 1000000]; 0 turns early stopping off. */
        public Builder patience(int v) { patience = checkInt("patience", v, 0, 1_000_000); return this; }
        /** Smallest improvement of the monitored metric that counts, in [0, 1]. */
        public Builder minDelta(double v) { minDelta = checkDouble("minDelta", v, 0, 1, false); return this; }

        /** The metric that early stopping watches (default NDCG@20); K must be in [1, 10000]. */
        public Builder monitor(Metric metric, int k) {
            if (metric == null) throw new IllegalArgumentException("monitor metric must not be null");
            monitorMetric = metric;
            monitorK = checkInt("monitor K", k, 1, 10_000);
            return this;
        }

        /** The cut-offs to evaluate, each in [1, 10000]; at least one. */
        public Builder topK(int... ks) {
            if (ks == null || ks.length == 0) throw new IllegalArgumentException("topK needs at least one value");
            for (int k : ks) checkInt("topK value", k, 1, 10_000);
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
        public Builder initStd(double v) { initStd = checkDouble("initStd", v, 0, 10, true); return this; }
        /** Seed of every random choice (initialisation, sampling); any value. */
        public Builder seed(long v) { seed = v; return this; }
        /** Worker threads, in [1, 1024]; results do not depend on it. */
        public Builder threads(int v) { threads = checkInt("threads", v, 1, 1024); return this; }
        /** Users scored at a time per thread during evaluation, in [1, 65536]. */
        public Builder evalBlockSize(int v) { evalBlockSize = checkInt("evalBlockSize", v, 1, 65_536); return this; }
        /** Wall-clock bound on training in seconds, in [0, 1e9]; 0 = none. */
        public Builder maxTrainingSeconds(double v) {
            maxTrainingSeconds = checkDouble("maxTrainingSeconds", v, 0, 1e9, false);
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
