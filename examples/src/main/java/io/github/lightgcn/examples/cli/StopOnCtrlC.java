package io.github.lightgcn.examples.cli;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyedInteractions;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Connects Ctrl-C (SIGINT, seen as a JVM shutdown hook) to {@link LightGCN#requestStop()} for the duration of a
 * fit: the run finishes its current batch and saves a checkpoint when checkpointing is on, and the hook holds
 * the JVM open until the command has said where to resume ({@link #commandFinished()}, called by
 * {@link LightGcnCli#main}) or two minutes have passed.
 */
public final class StopOnCtrlC implements AutoCloseable {

    private static final long WAIT_SECONDS = 120;

    /** Opened when the command has printed everything (a JVM runs one command). */
    private static final CountDownLatch COMMAND_DONE = new CountDownLatch(1);

    private final Thread hook;

    /**
     * {@code trainer.fit(train, monitor, options)} with Ctrl-C connected to it; a run stopped by Ctrl-C ends in
     * {@link TrainingInterrupted}, a full heap in a {@link CliFailure} that says to give the JVM more.
     */
    static LightGCNModel fit(LightGCN trainer, InteractionGraph train, InteractionGraph monitor, FitOptions options,
                             PrintWriter err) {
        return fit(trainer, () -> trainer.fit(train, monitor, options), err);
    }

    /** The same on keyed data (the model carries the keys). */
    public static LightGCNModel fit(LightGCN trainer, KeyedInteractions train, KeyedInteractions monitor,
                                    FitOptions options, PrintWriter err) {
        return fit(trainer, () -> trainer.fit(train, monitor, options), err);
    }

    private static LightGCNModel fit(LightGCN trainer, Supplier<LightGCNModel> fit, PrintWriter err) {
        try (StopOnCtrlC ctrlC = new StopOnCtrlC(trainer, err)) {
            LightGCNModel model = fit.get();
            if (model.trainingSummary().stopReason() == StopReason.INTERRUPTED) {
                int epochs = model.trainingSummary().epochsRun();
                throw new TrainingInterrupted(epochs, "stopped after epoch " + epochs);
            }
            return model;
        } catch (OutOfMemoryError e) {
            throw new CliFailure("out of memory while training; give the JVM more heap (e.g. JAVA_OPTS=-Xmx8g)", e);
        }
    }

    StopOnCtrlC(LightGCN trainer, PrintWriter err) {
        hook = new Thread(() -> {
            err.println("interrupted: finishing the current batch, then stopping ...");
            err.flush();
            trainer.requestStop();
            try {
                COMMAND_DONE.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lightgcn-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Lets a Ctrl-C hook that is waiting return, so the JVM can exit. */
    static void commandFinished() { COMMAND_DONE.countDown(); }

    /** Removes the hook at the end of the fit (unless it is already running: then it waits for the command). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running; it returns at commandFinished()
        }
    }
}
