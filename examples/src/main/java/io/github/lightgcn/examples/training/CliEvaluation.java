package io.github.lightgcn.examples.training;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;

/** How the command line runs and prints evaluations: one place for the options and the metrics of a log line. */
final class CliEvaluation {

    /** The metrics of a printed evaluation line (MAP and MRR go to the metrics JSON only, so lines stay as they were). */
    static final Metric[] LOGGED = {Metric.RECALL, Metric.PRECISION, Metric.NDCG, Metric.HIT_RATE};

    private CliEvaluation() {}

    /** {@code recall@20=0.12345 precision@20=... ndcg@20=... hit_rate@20=...}. */
    static String line(Metrics m) { return m.format(LOGGED); }

    /**
     * The configuration's cut-offs, the fit's threads and block size; the bar (or {@link Progress.Bar#NONE}) hears
     * the progress.
     */
    static EvaluationOptions options(LightGCNConfig config, FitOptions fit, Progress.Bar bar) {
        return EvaluationOptions.builder().ks(config.topK()).threads(fit.threads()).blockSize(fit.evalBlockSize())
                .listener(bar == Progress.Bar.NONE ? null : (done, total) -> bar.stepTo(done)).build();
    }
}
