package io.github.lightgcn.internal.train;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.Loss;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.TrainingDivergedException;
import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.random.Rng;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The training loop of one fit. Every epoch draws |train| positives with their negatives (BPR's, several per
 * positive as consecutive triples), a pure function of (seed, epoch), and minimises the configured
 * {@link io.github.lightgcn.Loss} with L2 on the batch's ego embeddings by Adam, batch by batch ({@link TrainingStep});
 * a loss that draws its negatives per batch draws them from a stream of (seed, epoch, batch). With a monitoring
 * graph it evaluates every {@code evalEvery} epochs and at the last one, and keeps the best epoch's embeddings under
 * early stopping. After each epoch a {@link StopPolicy} says whether
 * and why the run ends; a {@link StopRequest} can also end it between two batches. Checkpoints
 * ({@link Checkpointing}) save the {@link TrainingState} so that a resumed run ends exactly as an uninterrupted one.
 * One loop runs one fit, on the calling thread (the work inside goes to the {@link Workers}).
 */
public final class TrainingLoop {

    /**
     * What a fit produced: the final (layer-mean) embeddings, node-id order, row-major, and the summary.
     *
     * @param userEmbeddings numUsers × dim
     * @param itemEmbeddings numItems × dim
     */
    public record Result(float[] userEmbeddings, float[] itemEmbeddings, TrainingSummary summary) {}

    /** The random stream of the sampler, by epoch (the initialisation uses stream 1). */
    private static final long STREAM_SAMPLER = 2;
    /** The random stream of a batch's own negatives (losses that draw them per batch), by epoch and batch. */
    private static final long STREAM_BATCH_NEGATIVES = 3;
    private static final int BASE = TrainingState.BASE;

    private final LightGCNConfig config;
    private final InteractionGraph train;
    private final InteractionGraph monitor;
    private final List<TrainingListener> listeners;
    private final StopRequest stop;
    private final Path resumeFile;
    private final int numUsers, numItems, dim;
    private final Kernels kernels;
    private final LayerMeanPropagation propagation;
    private final TrainingStep step;
    private final NegativeSampler sampler;
    private final Evaluator evaluator;
    private final TrainingState state;
    private final Checkpointing checkpoints;
    private final StopPolicy policy;
    private final float[] finalEmbeddings; // in the node order's rows
    private final int triplesPerPositive;  // BPR's negatives per positive: consecutive triples of the epoch

    /**
     * @param identity       the run's configuration and data fingerprints ({@link RunIdentity#of})
     * @param monitor        the graph to evaluate on (training items masked), or null
     * @param stop           the request that interrupts this fit when made
     * @param communityOrder whether the tables are kept in {@link NodeOrder#communities} (faster) or in node-id
     *                       order; the result is the same bit for bit
     */
    public TrainingLoop(RunIdentity identity, FitOptions options, InteractionGraph train, InteractionGraph monitor,
                        Workers workers, StopRequest stop, boolean communityOrder) {
        this.config = identity.config();
        this.train = train;
        this.monitor = monitor;
        this.listeners = options.listeners();
        this.stop = stop;
        this.resumeFile = options.resumeFile().orElse(null);
        this.numUsers = train.numUsers();
        this.numItems = train.numItems();
        this.dim = config.embeddingDim();
        int nodes = numUsers + numItems;
        NodeOrder order = communityOrder ? NodeOrder.communities(train) : NodeOrder.identity(nodes);
        // the machinery of a step, built here only, on this JVM's kernels
        this.kernels = VectorizationProvider.kernels();
        this.propagation = new LayerMeanPropagation(NormalizedAdjacency.of(train, order), config.layers(), dim,
                workers, kernels);
        this.step = new TrainingStep(propagation.adjacency(), config.layers(), dim, (float) config.l2(), workers,
                kernels, config.loss());
        this.triplesPerPositive = config.loss() instanceof Loss.Bpr bpr ? bpr.negatives() : 1;
        this.sampler = new NegativeSampler(train, config.sampling());
        this.evaluator = new Evaluator(config.topK(), options.evalBlockSize(), workers);

        EarlyStopping patience = new EarlyStopping(config.patience(), config.minDelta());
        this.state = new TrainingState(order, dim, InitialEmbeddings.of(config, numUsers, numItems),
                (float) config.learningRate(), kernels.adam(), patience);
        this.finalEmbeddings = new float[nodes * dim];
        this.checkpoints = new Checkpointing(identity, options);
        // precedence: the last epoch completes the run whatever else holds; patience comes before a stop request,
        // and a stop request before the time bound
        this.policy = new StopPolicy(StoppingRule.epochBudget(config.epochs()), patience, stop,
                StoppingRule.timeBound(options.maxTrainingSeconds()));
    }

    /**
     * Trains (from the resume file when there is one) until the stop policy ends the run.
     *
     * @throws IllegalArgumentException  when the resume file belongs to another run
     * @throws TrainingDivergedException when the loss or an embedding becomes non-finite
     * @throws java.io.UncheckedIOException when a checkpoint cannot be read or written
     */
    public Result run() {
        int startEpoch = 1, startBatch = 0;
        double[] partial = new double[3];
        if (resumeFile != null) {
            Checkpoint cp = checkpoints.resume(resumeFile, state);
            startEpoch = cp.completedEpochs() + 1;
            startBatch = cp.nextBatch();
            partial = cp.partialLoss().clone();
        }
        int batchSize = config.batchSize() * triplesPerPositive;
        boolean bpr = config.loss() instanceof Loss.Bpr;
        for (int epoch = startEpoch; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            state.adam.learningRate((float) config.learningRateAt(epoch)); // from the epoch alone: resumes exactly
            Triples triples = sampler.sampleEpoch(Rng.stream(config.seed(), STREAM_SAMPLER, epoch),
                    bpr ? triplesPerPositive : 0);
            int batches = (triples.size() + batchSize - 1) / batchSize;
            // sums cover every batch of the epoch, those before a mid-epoch resume included (restored)
            double[] sums = epoch == startEpoch ? partial : new double[3];
            if (!trainBatches(epoch, triples, epoch == startEpoch ? startBatch : 0, batches, sums, start)) {
                return finish(epoch - 1, StopReason.INTERRUPTED);
            }
            checkFinite(epoch, 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            state.epochSeconds.add(seconds);
            state.trainSeconds += seconds;
            var stats = new TrainingListener.EpochStats(epoch, config.epochs(), sums[0] / batches,
                    sums[1] / batches, sums[2] / batches, batches, seconds);
            for (TrainingListener listener : listeners) listener.onEpoch(stats);
            StopReason reason = afterEpoch(epoch);
            if (reason != null) return finish(epoch, reason);
        }
        return finish(startEpoch - 1, StopReason.COMPLETED); // the checkpoint was at or past the last epoch
    }

    /**
     * Trains batches [first, batches) of an epoch; false when a stop request ended the epoch early (after saving
     * the exact position when checkpointing is on).
     */
    private boolean trainBatches(int epoch, Triples triples, int first, int batches, double[] sums, long start) {
        int batchSize = config.batchSize() * triplesPerPositive, perBatch = step.negativesPerPositive();
        boolean ownNegatives = !(config.loss() instanceof Loss.Bpr) && perBatch > 0;
        for (int b = first; b < batches; b++) {
            int from = b * batchSize, to = Math.min(triples.size(), from + batchSize);
            // the batch's loss and gradient, then an Adam step, with only the work that changes the result
            BprObjective.Loss l = ownNegatives
                    ? step.step(state.ego, BASE, state.adam, withNegatives(triples, from, to, perBatch, epoch, b), 0,
                    to - from)
                    : step.step(state.ego, BASE, state.adam, triples, from, to);
            if (!Double.isFinite(l.total())) throw diverged(epoch, b + 1, "the loss is " + l.total());
            sums[0] += l.total();
            sums[1] += l.bpr();
            sums[2] += l.regularization();
            for (TrainingListener listener : listeners) listener.onBatch(epoch, b + 1, batches);
            if (stop.requested() && b + 1 < batches) { // mid-epoch (at the last batch the epoch's end handles it)
                state.trainSeconds += (System.nanoTime() - start) / 1e9;
                checkFinite(epoch, b + 1);
                if (checkpoints.enabled()) checkpoints.save(state, epoch - 1, b + 1, sums);
                return false;
            }
        }
        return true;
    }

    /** Positives [from, to) with their negatives, a pure function of (seed, epoch, batch) so a resume redraws them. */
    private Triples withNegatives(Triples t, int from, int to, int per, int epoch, int batch) {
        Rng rng = Rng.stream(config.seed(), STREAM_BATCH_NEGATIVES, ((long) epoch << 32) | batch);
        return new Triples(Arrays.copyOfRange(t.users(), from, to), Arrays.copyOfRange(t.positives(), from, to),
                sampler.sampleNegatives(t.users(), from, to, per, rng));
    }

    /**
     * The end of an epoch: evaluates when due (every {@code evalEvery} epochs, and whenever the run is about to
     * end), saves a checkpoint when due, and returns why the run ends here, or null to go on.
     */
    private StopReason afterEpoch(int epoch) {
        StopReason reason = policy.check(new StoppingRule.EpochEnd(epoch, state.trainSeconds, false));
        boolean evaluated = monitor != null && (epoch % config.evalEvery() == 0 || reason != null);
        if (evaluated) {
            evaluateAndTrack(epoch);
            reason = policy.check(new StoppingRule.EpochEnd(epoch, state.trainSeconds, true));
        }
        // when patience runs out the checkpoint before is kept: a run resumed from it (with more epochs) stops here
        // as an uninterrupted run does, instead of training on from a state that has already decided to stop
        boolean patienceRanOut = evaluated && state.stopping.shouldStop();
        if (!patienceRanOut && (checkpoints.dueAfter(epoch)
                || checkpoints.enabled() && (reason == StopReason.TIME_BOUND || stop.requested()))) {
            checkpoints.save(state, epoch, 0, new double[3]);
        }
        return reason;
    }

    private void evaluateAndTrack(int epoch) {
        long evalStart = System.nanoTime();
        Metrics metrics = evaluateCurrent();
        double value = metrics.get(config.monitorMetric(), config.monitorK());
        EarlyStopping stopping = state.stopping;
        boolean improved = stopping.update(epoch, value);
        state.lastEval = metrics;
        if (improved) {
            state.bestEval = metrics;
            if (config.patience() > 0) state.bestEgo = state.order.toNodeOrder(state.ego, BASE, dim);
        }
        var evalStats = new TrainingListener.EvaluationStats(epoch, metrics, (System.nanoTime() - evalStart) / 1e9,
                value, improved, stopping.bestEpoch(), stopping.best(), stopping.evaluationsWithoutImprovement());
        for (TrainingListener listener : listeners) listener.onEvaluation(evalStats);
    }

    private Metrics evaluateCurrent() {
        propagation.apply(state.ego, BASE, finalEmbeddings);
        return evaluator.evaluate(new EmbeddingScorer(users(), items(), dim, kernels.scoring()), train, monitor);
    }

    /** The model's embeddings (the best epoch's under early stopping) and the summary. */
    private Result finish(int completed, StopReason reason) {
        int modelEpoch = completed;
        if (state.bestEgo != null) { // patience > 0: hand back the best epoch's embeddings
            state.order.fromNodeOrder(state.bestEgo, state.ego, BASE, dim);
            modelEpoch = state.stopping.bestEpoch();
        }
        propagation.apply(state.ego, BASE, finalEmbeddings);
        TrainingSummary summary = new TrainingSummary(completed, modelEpoch, state.stopping.bestEpoch(), reason,
                state.trainSeconds, state.epochSecondsArray(), state.lastEval, state.bestEval);
        return new Result(users(), items(), summary);
    }

    private float[] users() { return state.order.toNodeOrder(finalEmbeddings, 0, dim, 0, numUsers); }

    private float[] items() { return state.order.toNodeOrder(finalEmbeddings, 0, dim, numUsers, numUsers + numItems); }

    private void checkFinite(int epoch, int batch) {
        for (float v : state.ego) {
            if (!Float.isFinite(v)) throw diverged(epoch, batch, "an embedding became " + v);
        }
    }

    private TrainingDivergedException diverged(int epoch, int batch, String what) {
        String where = batch > 0 ? "epoch " + epoch + ", batch " + batch : "the end of epoch " + epoch;
        String kept = checkpoints.enabled() ? "; the last good checkpoint (" + checkpoints.file() + ") is kept" : "";
        return new TrainingDivergedException(epoch, batch, "training diverged at " + where + ": " + what
                + ". Try a smaller learning rate (now " + config.learningRate() + ")" + kept);
    }
}
