package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.train.MemoryPlan;
import io.github.lightgcn.internal.train.RunIdentity;
import io.github.lightgcn.internal.train.StopRequest;
import io.github.lightgcn.internal.train.TrainingLoop;
import io.github.lightgcn.internal.train.TrainingProvenance;

import java.io.UncheckedIOException;

/**
 * Trains LightGCN: {@code LightGCNModel model = new LightGCN(config).fit(train)}.
 *
 * <p>The trainer is made from the {@link LightGCNConfig}, everything that decides the result; each fit may be given
 * {@link FitOptions}, how that run goes (threads, evaluation block size, a time bound, checkpoints, the checkpoint
 * to resume from, listeners):
 * <pre>{@code
 * LightGCN trainer = new LightGCN(config);
 * LightGCNModel model = trainer.fit(train, validation, FitOptions.builder().threads(4).listener(progress).build());
 * }</pre>
 *
 * <p>Every epoch draws |train| (user, positive, negative) triples, minimises the BPR loss with L2 on the batch's
 * ego embeddings by Adam, batch by batch; with a monitoring graph it evaluates every {@code evalEvery} epochs and,
 * with {@code patience > 0}, stops early and restores the best embeddings. The same configuration gives
 * bit-identical results whatever the options (thread count included), and a run resumed from a checkpoint gives the
 * same result as an uninterrupted one. {@link TrainingSummary#stopReason()} says why a fit ended. A {@code LightGCN}
 * instance runs one fit at a time; {@link #requestStop()} may be called from any thread.
 */
public final class LightGCN {

    /** The library version recorded in saved models. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private final LightGCNConfig config;
    private final StopRequest stop = new StopRequest();
    private boolean communityOrder = true;

    /** A trainer of {@code config}. */
    public LightGCN(LightGCNConfig config) {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        this.config = config;
    }

    /** The configuration this trainer trains. */
    public LightGCNConfig config() { return config; }

    /**
     * Asks a running fit to stop after the current batch: it saves a checkpoint when checkpointing is on and
     * returns the model as it stands, with {@link StopReason#INTERRUPTED} (unless it was in its last epoch). Safe
     * from any thread (e.g. a shutdown hook on Ctrl-C or a listener); a request made before a fit starts is
     * forgotten.
     */
    public void requestStop() { stop.request(); }

    /**
     * For tests: keeps the tables in node-id order instead of the community order (which only makes training
     * faster: the results are the same bit for bit, as the tests check).
     */
    LightGCN inNodeIdOrder() {
        communityOrder = false;
        return this;
    }

    /** Trains on {@code train} for {@code epochs} epochs with no evaluation during training, default options. */
    public LightGCNModel fit(InteractionGraph train) {
        return fit(train, null, FitOptions.defaults());
    }

    /** {@link #fit(InteractionGraph, InteractionGraph, FitOptions)} with the default options. */
    public LightGCNModel fit(InteractionGraph train, InteractionGraph monitor) {
        return fit(train, monitor, FitOptions.defaults());
    }

    /**
     * Trains on {@code train}, evaluating on {@code monitor} (a validation graph; training items masked) every
     * {@code evalEvery} epochs and after the last. With {@code patience > 0} training stops once the monitored
     * metric has not improved for that many evaluations, and the model holds the best epoch's embeddings.
     *
     * @param monitor the graph to evaluate on, of the same size as {@code train}, or null
     * @param options how this fit runs (threads, time bound, checkpoints, resuming, listeners)
     * @throws IllegalArgumentException    for an empty or mismatched graph, or a checkpoint of another run
     * @throws InsufficientMemoryException when the run would not fit in the heap (the message gives -Xmx)
     * @throws TrainingDivergedException   when the loss or an embedding becomes non-finite
     * @throws UncheckedIOException        when a checkpoint cannot be read or written
     */
    public LightGCNModel fit(InteractionGraph train, InteractionGraph monitor, FitOptions options) {
        if (train == null) throw new IllegalArgumentException("train must not be null");
        if (options == null) throw new IllegalArgumentException("options must not be null");
        if (train.numEdges() == 0) throw new IllegalArgumentException("the training graph has no interaction");
        if (monitor != null && (monitor.numUsers() != train.numUsers() || monitor.numItems() != train.numItems())) {
            throw new IllegalArgumentException("the monitoring graph is " + monitor.numUsers() + " users x "
                    + monitor.numItems() + " items but the training graph is " + train.numUsers() + " x "
                    + train.numItems() + ": build both on the same id universe");
        }
        MemoryPlan.check(config, options, train, monitor != null);
        stop.clear();
        RunIdentity identity = RunIdentity.of(config, train, monitor);
        TrainingLoop.Result result;
        try (Workers workers = new Workers(options.threads())) {
            result = new TrainingLoop(identity, options, train, monitor, workers, stop, communityOrder).run();
        }
        return LightGCNModel.create(result.userEmbeddings(), result.itemEmbeddings(), config.embeddingDim(), train,
                TrainingProvenance.of(identity, train.numEdges(), result.summary()), result.summary());
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
        return fit(train, monitor, FitOptions.defaults());
    }

    /**
     * Trains on keyed data as {@link #fit(InteractionGraph, InteractionGraph, FitOptions)} does on their graphs; the
     * model carries the keys.
     *
     * @param monitor held-out pairs on the same keys ({@code train.heldOut(...)}), or null
     * @throws IllegalArgumentException when {@code monitor} is on other keys, or as the graph overload
     */
    public LightGCNModel fit(io.github.lightgcn.graph.KeyedInteractions train,
                             io.github.lightgcn.graph.KeyedInteractions monitor, FitOptions options) {
        if (monitor != null && !monitor.sameKeys(train)) {
            throw new IllegalArgumentException("the monitoring data is on other keys than the training data: build it "
                    + "with train.heldOut(...)");
        }
        return fit(train.graph(), monitor == null ? null : monitor.graph(), options).withKeys(train.userKeys(),
                train.itemKeys());
    }
}
