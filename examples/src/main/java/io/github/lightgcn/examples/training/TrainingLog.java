package io.github.lightgcn.examples.training;

import io.github.lightgcn.Loss;
import io.github.lightgcn.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per epoch and one per evaluation, flushed at once so a log file can be followed while training
 * runs. Remembers the last evaluation for the final report.
 */
final class TrainingLog implements TrainingListener {

    private final PrintWriter out;
    private final String monitorGraph;
    private final String monitorLabel;
    private final boolean epochLines;
    private final String lossTerm;
    private EvaluationStats lastEvaluation;

    /**
     * @param monitorGraph "val" or "test": the graph the evaluations run on
     * @param monitorLabel the monitored metric, e.g. {@code ndcg@20}
     * @param epochLines   false when a progress bar shows the epochs (a line per epoch would break the bar)
     * @param loss         the training loss, whose name labels the loss term without L2
     */
    TrainingLog(PrintWriter out, String monitorGraph, String monitorLabel, boolean epochLines, Loss loss) {
        this.out = out;
        this.lossTerm = loss.name(); // "bpr", "implicit-squared", ...
        this.epochLines = epochLines;
        this.monitorGraph = monitorGraph;
        this.monitorLabel = monitorLabel;
    }

    @Override
    public void onEpoch(EpochStats s) {
        if (!epochLines) return;
        int width = Integer.toString(s.maxEpochs()).length();
        out.println(String.format(Locale.ROOT, "epoch %" + width + "d/%d  loss %.6f  %s %.6f  reg %.6f  %.3f s",
                s.epoch(), s.maxEpochs(), s.loss(), lossTerm, s.bprLoss(), s.regLoss(), s.seconds()));
        out.flush();
    }

    @Override
    public void onEvaluation(EvaluationStats s) {
        lastEvaluation = s;
        out.println(String.format(Locale.ROOT, "eval  epoch %d on %s: %s  %.3f s  best %s %.5f at epoch %d%s",
                s.epoch(), monitorGraph, CliEvaluation.line(s.metrics()), s.seconds(), monitorLabel, s.bestValue(),
                s.bestEpoch(), s.improved() ? " *" : ""));
        out.flush();
    }

    /** The last evaluation, or null when none ran. */
    EvaluationStats lastEvaluation() { return lastEvaluation; }
}
