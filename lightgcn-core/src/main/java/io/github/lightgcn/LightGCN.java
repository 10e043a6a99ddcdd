package io.github.lightgcn;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.eval.EmbeddingScorer;
import io.github.lightgcn.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.sparse.LayerMeanPropagation;
import io.github.lightgcn.sparse.NormalizedAdjacency;
import io.github.lightgcn.train.Adam;
import io.github.lightgcn.train.BprObjective;
import io.github.lightgcn.train.EarlyStopping;
import io.github.lightgcn.train.Initialization;
import io.github.lightgcn.train.NegativeSampler;
import io.github.lightgcn.train.Rng;
import io.github.lightgcn.train.TrainingStep;
import io.github.lightgcn.train.Triples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains LightGCN: {@code LightGCNModel model = new LightGCN(config).fit(train)}.
 *
 * <p>Every epoch draws |train| (user, positive, negative) triples, minimises the BPR loss with L2 on the batch's
 * ego embeddings by Adam, batch by batch; with a monitoring graph it evaluates every {@code evalEvery} epochs and,
 * with {@code patience > 0}, stops early and restores the best embeddings. The same seed gives bit-identical
 * results whatever the thread count. A {@code LightGCN} instance may be reused for several fits, one at a time.
 */
public final class LightGCN {

    /** The library version recorded in saved models. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private static final long STREAM_INIT = 1, STREAM_SAMPLER = 2;

    private final LightGCNConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();

    public LightGCN(LightGCNConfig config) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        this.config = config;
    }

    public LightGCNConfig config() { return config; }

    /** Adds a listener for epochs and evaluations; returns this. */
    public LightGCN addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Trains on {@code train} for {@code epochs} epochs with no evaluation during training. */
    public LightGCNModel fit(InteractionGraph train) {
        return fit(train, null);
    }

    /**
     * Trains on {@code train}, evaluating on {@code monitor} (a validation graph; training items masked) every
     * {@code evalEvery} epochs and after the last. With {@code patience > 0} training stops once the monitored
     * metric has not improved for that many evaluations, and the model holds the best epoch's embeddings.
     *
     * @param monitor the graph to evaluate on, of the same size as {@code train}, or null
     */
    public LightGCNModel fit(InteractionGraph train, InteractionGraph monitor) {
        if (train.numEdges() == 0) throw new IllegalArgumentException("the training graph has no interaction");
        if (monitor != null && (monitor.numUsers() != train.numUsers() || monitor.numItems() != train.numItems())) {
            throw new IllegalArgumentException("the monitoring graph is " + monitor.numUsers() + " users x "
                    + monitor.numItems() + " items but the training graph is " + train.numUsers() + " x "
                    + train.numItems() + ": build both on the same id universe");
        }
        try (Workers workers = new Workers(config.threads())) {
            return new Run(train, monitor, workers).train();
        }
    }

    /** Initial ego embeddings (users then items), from the seed alone. */
    static float[] initialEmbeddings(LightGCNConfig config, int numUsers, int numItems) {
        int d = config.embeddingDim();
        float[] ego = new float[(numUsers + numItems) * d];
        Rng rng = Rng.stream(config.seed(), STREAM_INIT, 0);
        if (config.initialization() == Initialization.NORMAL) {
            for (int p = 0; p < ego.length; p++) ego[p] = (float) (rng.nextGaussian() * config.initStd());
        } else {
            fillXavier(ego, 0, numUsers, d, rng);
            fillXavier(ego, numUsers * d, numItems, d, rng);
        }
        return ego;
    }

    private static void fillXavier(float[] table, int offset, int rows, int d, Rng rng) {
        double bound = Math.sqrt(6.0 / (rows + d));
        for (int p = offset; p < offset + rows * d; p++) table[p] = (float) ((2 * rng.nextDouble() - 1) * bound);
    }

    /** The state of one fit. */
    private final class Run {
        final InteractionGraph train;
        final InteractionGraph monitor;
        final Workers workers;
        final int numUsers, numItems, dim;
        final LayerMeanPropagation propagation;
        final TrainingStep step;
        final NegativeSampler sampler;
        final Adam adam;
        final float[] ego;
        final float[] finalEmbeddings;
        final Evaluator evaluator;

        Run(InteractionGraph train, InteractionGraph monitor, Workers workers) {
            this.train = train;
            this.monitor = monitor;
            this.workers = workers;
            this.numUsers = train.numUsers();
            this.numItems = train.numItems();
            this.dim = config.embeddingDim();
            this.propagation = new LayerMeanPropagation(NormalizedAdjacency.of(train), config.layers(), dim, workers);
            this.step = new TrainingStep(propagation.adjacency(), config.layers(), dim, (float) config.l2(), workers);
            this.sampler = new NegativeSampler(train, config.sampling());
            this.ego = initialEmbeddings(config, numUsers, numItems);
            this.adam = new Adam(ego.length, (float) config.learningRate());
            this.finalEmbeddings = new float[ego.length];
            this.evaluator = new Evaluator(config.topK(), config.evalBlockSize(), workers);
        }

        LightGCNModel train() {
            EarlyStopping stopping = new EarlyStopping(config.patience(), config.minDelta());
            float[] bestEgo = null;
            Metrics lastEval = null, bestEval = null;
            List<Double> epochSeconds = new ArrayList<>();
            double trainSeconds = 0;
            boolean stoppedEarly = false, stoppedByTime = false;
            int epoch = 0;
            int batchSize = config.batchSize();
            for (epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                Triples triples = sampler.sampleEpoch(Rng.stream(config.seed(), STREAM_SAMPLER, epoch));
                int batches = (triples.size() + batchSize - 1) / batchSize;
                double loss = 0, bpr = 0, reg = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * batchSize, to = Math.min(triples.size(), from + batchSize);
                    // = objective.lossAndGradient(ego, triples, from, to, gradient) + adam.update(ego, gradient),
                    // with only the work that changes the result (TrainingStep)
                    BprObjective.Loss l = step.step(ego, adam, triples, from, to);
                    loss += l.total();
                    bpr += l.bpr();
                    reg += l.regularization();
                    for (TrainingListener listener : listeners) listener.onBatch(epoch, b + 1, batches);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                epochSeconds.add(seconds);
                trainSeconds += seconds;
                var stats = new TrainingListener.EpochStats(epoch, config.epochs(), loss / batches, bpr / batches,
                        reg / batches, batches, seconds);
                for (TrainingListener listener : listeners) listener.onEpoch(stats);

                boolean overTime = config.maxTrainingSeconds() > 0 && trainSeconds >= config.maxTrainingSeconds();
                boolean last = epoch == config.epochs() || overTime;
                if (monitor != null && (epoch % config.evalEvery() == 0 || last)) {
                    long evalStart = System.nanoTime();
                    Metrics metrics = evaluateCurrent(monitor);
                    double value = metrics.get(config.monitorMetric(), config.monitorK());
                    boolean improved = stopping.update(epoch, value);
                    lastEval = metrics;
                    if (improved) {
                        bestEval = metrics;
                        if (config.patience() > 0) bestEgo = ego.clone();
                    }
                    var evalStats = new TrainingListener.EvaluationStats(epoch, metrics,
                            (System.nanoTime() - evalStart) / 1e9, value, improved, stopping.bestEpoch(),
                            stopping.best(), stopping.evaluationsWithoutImprovement());
                    for (TrainingListener listener : listeners) listener.onEvaluation(evalStats);
                    if (stopping.shouldStop()) {
                        stoppedEarly = epoch < config.epochs();
                        break;
                    }
                }
                if (overTime && epoch < config.epochs()) {
                    stoppedByTime = true;
                    break;
                }
            }
            int epochsRun = Math.min(epoch, config.epochs());
            int modelEpoch = epochsRun;
            if (bestEgo != null) { // patience > 0: hand back the best epoch's embeddings
                System.arraycopy(bestEgo, 0, ego, 0, ego.length);
                modelEpoch = stopping.bestEpoch();
            }
            propagation.apply(ego, finalEmbeddings);
            double[] secondsArray = epochSeconds.stream().mapToDouble(Double::doubleValue).toArray();
            TrainingSummary summary = new TrainingSummary(epochsRun, modelEpoch, stoppedEarly, stoppedByTime,
                    trainSeconds, secondsArray, lastEval, bestEgo != null ? bestEval : lastEval);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("library", "lightgcn-java " + VERSION);
            meta.put("format", Integer.toString(LightGCNModel.FORMAT_VERSION));
            config.asMap().forEach((k, v) -> meta.put("config." + k, v));
            meta.put("train.fingerprint", Long.toHexString(train.fingerprint()));
            meta.put("train.edges", Integer.toString(train.numEdges()));
            meta.put("epochs", Integer.toString(epochsRun));
            meta.put("modelEpoch", Integer.toString(modelEpoch));
            return LightGCNModel.create(Arrays.copyOfRange(finalEmbeddings, 0, numUsers * dim),
                    Arrays.copyOfRange(finalEmbeddings, numUsers * dim, finalEmbeddings.length), dim, train, meta,
                    summary);
        }

        Metrics evaluateCurrent(InteractionGraph heldOut) {
            propagation.apply(ego, finalEmbeddings);
            float[] users = Arrays.copyOfRange(finalEmbeddings, 0, numUsers * dim);
            float[] items = Arrays.copyOfRange(finalEmbeddings, numUsers * dim, finalEmbeddings.length);
            return evaluator.evaluate(new EmbeddingScorer(users, items, dim), train, heldOut);
        }
    }
}
