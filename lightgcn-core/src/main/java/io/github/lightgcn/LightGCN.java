package io.github.lightgcn;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.train.Adam;
import io.github.lightgcn.internal.train.BprObjective;
import io.github.lightgcn.internal.train.Checkpoint;
import io.github.lightgcn.internal.train.EarlyStopping;
import io.github.lightgcn.internal.train.NegativeSampler;
import io.github.lightgcn.random.Rng;
import io.github.lightgcn.internal.train.TrainingStep;
import io.github.lightgcn.internal.train.Triples;

import io.github.lightgcn.internal.simd.VectorizationProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains LightGCN: {@code LightGCNModel model = new LightGCN(config).fit(train)}.
 *
 * <p>Every epoch draws |train| (user, positive, negative) triples, minimises the BPR loss with L2 on the batch's
 * ego embeddings by Adam, batch by batch; with a monitoring graph it evaluates every {@code evalEvery} epochs and,
 * with {@code patience > 0}, stops early and restores the best embeddings. The same seed gives bit-identical
 * results whatever the thread count, and a run resumed from a checkpoint gives the same result as an
 * uninterrupted one. A {@code LightGCN} instance runs one fit at a time; {@link #requestStop()} may be called
 * from any thread.
 */
public final class LightGCN {

    /** The library version recorded in saved models. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private static final long STREAM_INIT = 1, STREAM_SAMPLER = 2;
    /** Settings that do not change the result, so a resumed run may differ in them. */
    private static final Set<String> RESUMABLE_CHANGES = Set.of("config.epochs", "config.threads",
            "config.evalBlockSize", "config.maxTrainingSeconds");

    private final LightGCNConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Path checkpointFile;
    private int checkpointEvery;
    private Path resumeFile;
    private volatile boolean stopRequested;
    private boolean communityOrder = true;

    public LightGCN(LightGCNConfig config) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        this.config = config;
    }

    public LightGCNConfig config() { return config; }

    /** Adds a listener for batches, epochs and evaluations; returns this. */
    public LightGCN addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Saves a checkpoint to {@code file} (atomically) every {@code epochs} epochs, when the time bound ends
     * training, and when {@link #requestStop()} interrupts it. {@code epochs} in [1, 1000000].
     */
    public LightGCN checkpointEvery(int epochs, Path file) {
        if (epochs < 1 || epochs > 1_000_000) {
            throw new IllegalArgumentException("checkpoint interval must be in [1, 1000000] epochs, got " + epochs);
        }
        this.checkpointEvery = epochs;
        this.checkpointFile = file;
        return this;
    }

    /**
     * Continues the run saved in {@code checkpoint} instead of starting afresh; the configuration (but for epochs,
     * threads, evalBlockSize and maxTrainingSeconds) and the data must be the same as when it was made.
     */
    public LightGCN resumeFrom(Path checkpoint) {
        this.resumeFile = checkpoint;
        return this;
    }

    /**
     * Asks a running fit to stop after the current batch: it saves a checkpoint when checkpointing is on and
     * returns the model as it stands, with {@link TrainingSummary#interrupted()} set. Safe from any thread (e.g. a
     * shutdown hook on Ctrl-C).
     */
    public void requestStop() { stopRequested = true; }

    /**
     * For tests: keeps the tables in node-id order instead of {@link NodeOrder#communities} (which only makes
     * training faster: the results are the same bit for bit, as the tests check).
     */
    LightGCN inNodeIdOrder() {
        communityOrder = false;
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
     * @throws IllegalArgumentException   for an empty or mismatched graph, or a checkpoint of another run
     * @throws InsufficientMemoryException when the run would not fit in the heap (the message gives -Xmx)
     * @throws TrainingDivergedException  when the loss or an embedding becomes non-finite
     * @throws UncheckedIOException       when a checkpoint cannot be read or written
     */
    public LightGCNModel fit(InteractionGraph train, InteractionGraph monitor) {
        if (train.numEdges() == 0) throw new IllegalArgumentException("the training graph has no interaction");
        if (monitor != null && (monitor.numUsers() != train.numUsers() || monitor.numItems() != train.numItems())) {
            throw new IllegalArgumentException("the monitoring graph is " + monitor.numUsers() + " users x "
                    + monitor.numItems() + " items but the training graph is " + train.numUsers() + " x "
                    + train.numItems() + ": build both on the same id universe");
        }
        checkMemory(train, monitor != null);
        stopRequested = false;
        try (Workers workers = new Workers(config.threads())) {
            return new Run(train, monitor, workers).train();
        }
    }

    /**
     * An estimate of the heap a fit needs, in bytes: the embedding-sized tables (ego, Adam's two moments, final
     * embeddings, two propagation buffers, the training step's K-1 layers, its first-layer and dense gradients, and
     * the best copy under early stopping), the graph in both CSR forms, one epoch of triples, and the evaluation
     * blocks.
     */
    public static long estimateMemoryBytes(LightGCNConfig config, InteractionGraph train, boolean evaluates) {
        long nodes = (long) train.numUsers() + train.numItems();
        long table = 4L * nodes * config.embeddingDim();
        int tables = 6 + Math.max(0, config.layers() - 1) + 2 + (config.patience() > 0 ? 1 : 0);
        long edges = train.numEdges();
        long sampling = 4L * 4 * edges;                      // triples + per-edge users
        long evaluation = evaluates ? 4L * config.threads() * config.evalBlockSize() * train.numItems() : 0;
        return tables * table + graphBytes(train) + sampling + evaluation;
    }

    /** The heap a fit's graph structures hold, in bytes: the interaction graph, the adjacency and the node order. */
    public static long graphBytes(InteractionGraph train) {
        long nodes = (long) train.numUsers() + train.numItems(), edges = train.numEdges();
        return 4L * (2 * edges + 2 * nodes)             // InteractionGraph, both directions
                + 4L * (2 * 2 * edges + nodes) + 4L * nodes // normalised adjacency: columns twice, offsets, scales
                + 4L * 2 * nodes;                            // node order, both ways
    }

    private void checkMemory(InteractionGraph train, boolean evaluates) {
        long need = estimateMemoryBytes(config, train, evaluates);
        if (checkpointFile != null) { // a checkpoint is written from plain copies of the ego table and Adam's moments
            need += 3L * 4 * ((long) train.numUsers() + train.numItems()) * config.embeddingDim();
        }
        Runtime rt = Runtime.getRuntime();
        if (need > rt.maxMemory() - usedHeap(rt)) System.gc(); // garbage (e.g. the data's) counts as used until collected
        long available = rt.maxMemory() - usedHeap(rt);
        if (need > available) {
            long suggestMiB = (long) Math.ceil((usedHeap(rt) + need * 1.25) / (1 << 20));
            throw new InsufficientMemoryException(need, String.format(
                    "training %s with dim %d needs about %d MiB of heap but only %d MiB is free (max heap %d MiB): "
                            + "run the JVM with -Xmx%dm or more, or lower the dimension or evalBlockSize",
                    train, config.embeddingDim(), need >> 20, available >> 20, rt.maxMemory() >> 20, suggestMiB));
        }
    }

    private static long usedHeap(Runtime rt) { return rt.totalMemory() - rt.freeMemory(); }

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

    private static final int EGO_BASE = AlignedRows.BASE;

    /** The state of one fit. */
    private final class Run {
        final InteractionGraph train;
        final InteractionGraph monitor;
        final Workers workers;
        final int numUsers, numItems, dim;
        /** Where each node's row is in ego, Adam's moments and the propagation tables. */
        final NodeOrder order;
        final LayerMeanPropagation propagation;
        final TrainingStep step;
        final NegativeSampler sampler;
        final Adam adam;
        /** The ego embeddings, an {@link AlignedRows} table (row r at BASE + r·dim) in {@code order}; Adam's alike. */
        final float[] ego;
        final float[] finalEmbeddings; // in order
        final Evaluator evaluator;
        final EarlyStopping stopping = new EarlyStopping(config.patience(), config.minDelta());
        final Map<String, String> identity;
        float[] bestEgo;
        Metrics lastEval, bestEval;
        final List<Double> epochSeconds = new ArrayList<>();
        double trainSeconds;

        Run(InteractionGraph train, InteractionGraph monitor, Workers workers) {
            this.train = train;
            this.monitor = monitor;
            this.workers = workers;
            this.numUsers = train.numUsers();
            this.numItems = train.numItems();
            this.dim = config.embeddingDim();
            int nodes = numUsers + numItems;
            this.order = communityOrder ? NodeOrder.communities(train) : NodeOrder.identity(nodes);
            this.propagation = new LayerMeanPropagation(NormalizedAdjacency.of(train, order), config.layers(), dim,
                    workers);
            this.step = new TrainingStep(propagation.adjacency(), config.layers(), dim, (float) config.l2(), workers);
            this.sampler = new NegativeSampler(train, config.sampling());
            this.ego = AlignedRows.allocate(nodes, dim);
            order.fromNodeOrder(initialEmbeddings(config, numUsers, numItems), ego, EGO_BASE, dim);
            this.adam = new Adam(ego.length, (float) config.learningRate());
            this.finalEmbeddings = new float[nodes * dim];
            this.evaluator = new Evaluator(config.topK(), config.evalBlockSize(), workers);
            this.identity = identity();
        }

        private Map<String, String> identity() {
            Map<String, String> id = new LinkedHashMap<>();
            config.asMap().forEach((k, v) -> id.put("config." + k, v));
            id.put("train.fingerprint", Long.toHexString(train.fingerprint()));
            id.put("monitor.fingerprint", monitor == null ? "none" : Long.toHexString(monitor.fingerprint()));
            return id;
        }

        LightGCNModel train() {
            int startEpoch = 1, startBatch = 0;
            double[] partial = new double[3];
            if (resumeFile != null) {
                Checkpoint cp = readCheckpoint();
                startEpoch = cp.completedEpochs() + 1;
                startBatch = cp.nextBatch();
                partial = cp.partialLoss().clone();
            }
            boolean stoppedEarly = false, stoppedByTime = false, interrupted = false;
            int epoch;
            int batchSize = config.batchSize();
            int completed = startEpoch - 1;
            for (epoch = startEpoch; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                Triples triples = sampler.sampleEpoch(Rng.stream(config.seed(), STREAM_SAMPLER, epoch));
                int batches = (triples.size() + batchSize - 1) / batchSize;
                double[] sums = epoch == startEpoch ? partial : new double[3];
                int firstBatch = epoch == startEpoch ? startBatch : 0;
                for (int b = firstBatch; b < batches; b++) {
                    int from = b * batchSize, to = Math.min(triples.size(), from + batchSize);
                    // = objective.lossAndGradient(ego, triples, from, to, gradient) + adam.update(ego, gradient),
                    // with only the work that changes the result (TrainingStep)
                    BprObjective.Loss l = step.step(ego, EGO_BASE, adam, triples, from, to);
                    if (!Double.isFinite(l.total())) throw diverged(epoch, b + 1, "the loss is " + l.total());
                    sums[0] += l.total();
                    sums[1] += l.bpr();
                    sums[2] += l.regularization();
                    for (TrainingListener listener : listeners) listener.onBatch(epoch, b + 1, batches);
                    if (stopRequested && b + 1 < batches) { // mid-epoch: save the exact position
                        trainSeconds += (System.nanoTime() - start) / 1e9;
                        checkFinite(epoch, b + 1);
                        if (checkpointFile != null) writeCheckpoint(epoch - 1, b + 1, sums);
                        interrupted = true;
                        break;
                    }
                }
                if (interrupted) break;
                checkFinite(epoch, 0);
                completed = epoch;
                double seconds = (System.nanoTime() - start) / 1e9;
                epochSeconds.add(seconds);
                trainSeconds += seconds;
                // sums cover every batch of the epoch, those before a mid-epoch resume included (restored)
                var stats = new TrainingListener.EpochStats(epoch, config.epochs(), sums[0] / batches,
                        sums[1] / batches, sums[2] / batches, batches, seconds);
                for (TrainingListener listener : listeners) listener.onEpoch(stats);

                boolean overTime = config.maxTrainingSeconds() > 0 && trainSeconds >= config.maxTrainingSeconds();
                boolean last = epoch == config.epochs() || overTime || stopRequested;
                if (monitor != null && (epoch % config.evalEvery() == 0 || last)) {
                    evaluateAndTrack(epoch);
                    if (stopping.shouldStop()) {
                        stoppedEarly = epoch < config.epochs();
                        break;
                    }
                }
                boolean checkpointNow = checkpointFile != null && (epoch % checkpointEvery == 0
                        || (overTime && epoch < config.epochs()) || stopRequested);
                if (checkpointNow) writeCheckpoint(epoch, 0, new double[3]);
                if (stopRequested && epoch < config.epochs()) {
                    interrupted = true;
                    break;
                }
                if (overTime && epoch < config.epochs()) {
                    stoppedByTime = true;
                    break;
                }
            }
            return buildModel(completed, stoppedEarly, stoppedByTime, interrupted);
        }

        private void evaluateAndTrack(int epoch) {
            long evalStart = System.nanoTime();
            Metrics metrics = evaluateCurrent();
            double value = metrics.get(config.monitorMetric(), config.monitorK());
            boolean improved = stopping.update(epoch, value);
            lastEval = metrics;
            if (improved) {
                bestEval = metrics;
                if (config.patience() > 0) bestEgo = order.toNodeOrder(ego, EGO_BASE, dim);
            }
            var evalStats = new TrainingListener.EvaluationStats(epoch, metrics, (System.nanoTime() - evalStart) / 1e9,
                    value, improved, stopping.bestEpoch(), stopping.best(), stopping.evaluationsWithoutImprovement());
            for (TrainingListener listener : listeners) listener.onEvaluation(evalStats);
        }

        private LightGCNModel buildModel(int completed, boolean stoppedEarly, boolean stoppedByTime,
                                         boolean interrupted) {
            int modelEpoch = completed;
            if (bestEgo != null) { // patience > 0: hand back the best epoch's embeddings
                order.fromNodeOrder(bestEgo, ego, EGO_BASE, dim);
                modelEpoch = stopping.bestEpoch();
            }
            propagation.apply(ego, EGO_BASE, finalEmbeddings);
            double[] secondsArray = epochSeconds.stream().mapToDouble(Double::doubleValue).toArray();
            TrainingSummary summary = new TrainingSummary(completed, modelEpoch, stopping.bestEpoch(), stoppedEarly,
                    stoppedByTime, interrupted, trainSeconds, secondsArray, lastEval, bestEval);
            String stopReason = interrupted ? "interrupted" : stoppedByTime ? "time-bound"
                    : stoppedEarly ? "early-stopped" : "completed";
            Provenance provenance = new Provenance(VERSION, System.getProperty("java.version"),
                    VectorizationProvider.simd() ? "simd" : "scalar", Instant.now(), config.asMap(),
                    Long.toHexString(train.fingerprint()),
                    monitor == null ? "none" : Long.toHexString(monitor.fingerprint()), train.numEdges(), completed,
                    modelEpoch, stopReason, trainSeconds);
            return LightGCNModel.create(order.toNodeOrder(finalEmbeddings, 0, dim, 0, numUsers),
                    order.toNodeOrder(finalEmbeddings, 0, dim, numUsers, numUsers + numItems), dim, train, provenance,
                    summary);
        }

        Metrics evaluateCurrent() {
            propagation.apply(ego, EGO_BASE, finalEmbeddings);
            float[] users = order.toNodeOrder(finalEmbeddings, 0, dim, 0, numUsers);
            float[] items = order.toNodeOrder(finalEmbeddings, 0, dim, numUsers, numUsers + numItems);
            return evaluator.evaluate(new EmbeddingScorer(users, items, dim), train, monitor);
        }

        private void checkFinite(int epoch, int batch) {
            for (float v : ego) {
                if (!Float.isFinite(v)) throw diverged(epoch, batch, "an embedding became " + v);
            }
        }

        private TrainingDivergedException diverged(int epoch, int batch, String what) {
            String where = batch > 0 ? "epoch " + epoch + ", batch " + batch : "the end of epoch " + epoch;
            String kept = checkpointFile == null ? ""
                    : "; the last good checkpoint (" + checkpointFile + ") is kept";
            return new TrainingDivergedException(epoch, batch, "training diverged at " + where + ": " + what
                    + ". Try a smaller learning rate (now " + config.learningRate() + ")" + kept);
        }

        private void writeCheckpoint(int completedEpochs, int nextBatch, double[] partialLoss) {
            double[] secondsArray = epochSeconds.stream().mapToDouble(Double::doubleValue).toArray();
            // stored as plain tables in node-id order: the file does not depend on the in-memory layout
            Checkpoint cp = new Checkpoint(completedEpochs, nextBatch, partialLoss.clone(),
                    order.toNodeOrder(ego, EGO_BASE, dim), adam.step(),
                    order.toNodeOrder(adam.firstMoments(), EGO_BASE, dim),
                    order.toNodeOrder(adam.secondMoments(), EGO_BASE, dim),
                    stopping.best(), stopping.bestEpoch(),
                    stopping.evaluationsWithoutImprovement(), bestEgo, bestEval == null ? Map.of() : bestEval.asMap(),
                    trainSeconds, secondsArray, identity);
            try {
                cp.save(checkpointFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write checkpoint " + checkpointFile + ": " + e.getMessage(), e);
            }
        }

        private Checkpoint readCheckpoint() {
            Checkpoint cp;
            try {
                cp = Checkpoint.load(resumeFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            List<String> differences = new ArrayList<>();
            for (String key : identity.keySet()) {
                if (RESUMABLE_CHANGES.contains(key)) continue;
                String then = cp.identity().get(key), now = identity.get(key);
                if (!now.equals(then)) differences.add(key + " = " + then + " there, " + now + " here");
            }
            if (!differences.isEmpty()) {
                boolean otherData = differences.stream().anyMatch(d -> d.contains(".fingerprint"));
                throw new IllegalArgumentException("checkpoint " + resumeFile + " belongs to another run"
                        + (otherData ? " (it was made on other data)" : "") + ": " + String.join("; ", differences));
            }
            if (cp.ego().length != finalEmbeddings.length) {
                throw new IllegalArgumentException("checkpoint " + resumeFile + " has " + cp.ego().length
                        + " embedding values, this run needs " + finalEmbeddings.length);
            }
            order.fromNodeOrder(cp.ego(), ego, EGO_BASE, dim);
            float[] first = new float[ego.length], second = new float[ego.length];
            order.fromNodeOrder(cp.adamFirst(), first, EGO_BASE, dim);
            order.fromNodeOrder(cp.adamSecond(), second, EGO_BASE, dim);
            adam.restore(cp.adamStep(), first, second);
            stopping.restore(cp.best(), cp.bestEpoch(), cp.withoutImprovement());
            bestEgo = cp.bestEgo();
            bestEval = cp.bestMetrics().isEmpty() ? null : Metrics.fromMap(cp.bestMetrics());
            trainSeconds = cp.trainSeconds();
            for (double s : cp.epochSeconds()) epochSeconds.add(s);
            return cp;
        }
    }

    // ------------------------------------------------------------------------ keyed data (the keys ride along)

    /** Trains on keyed data ({@link #fit(InteractionGraph)} on its graph); the model carries its keys. */
    public LightGCNModel fit(io.github.lightgcn.graph.KeyedInteractions train) {
        return fit(train, null);
    }

    /**
     * Trains on keyed data, monitoring {@code monitor} ({@link #fit(InteractionGraph, InteractionGraph)} on their
     * graphs); the model carries the keys.
     *
     * @param monitor held-out pairs on the same keys ({@code train.heldOut(...)}), or null
     * @throws IllegalArgumentException when {@code monitor} is on other keys, or as the graph overload
     */
    public LightGCNModel fit(io.github.lightgcn.graph.KeyedInteractions train,
                             io.github.lightgcn.graph.KeyedInteractions monitor) {
        if (monitor != null && !monitor.sameKeys(train)) {
            throw new IllegalArgumentException("the monitoring data is on other keys than the training data: build it "
                    + "with train.heldOut(...)");
        }
        return fit(train.graph(), monitor == null ? null : monitor.graph()).withKeys(train.userKeys(),
                train.itemKeys());
    }
}
