package io.github.lightgcn.tune;

import io.github.lightgcn.StopReason;
import io.github.lightgcn.eval.Metrics;

import java.util.Map;

/**
 * One configuration trained at one rung of the search.
 *
 * @param id           the configuration's number (0 = the first sampled point), the same in every rung
 * @param rung         0 for the first, shortest rung
 * @param params       the values of the search space this configuration has (unmodifiable)
 * @param epochBudget  the rung's epoch budget (the configuration's {@code epochs})
 * @param epochsRun    epochs trained
 * @param bestEpoch    the epoch of the best validation evaluation
 * @param stopReason   why training ended (early stopping inside the trial, the budget, the time bound)
 * @param seconds      wall-clock time of the trial (training and validation), 0 when carried forward
 * @param carried      whether the trial was not trained again: it stopped early at the previous rung, and a larger
 *                     epoch budget gives the same result, bit for bit
 * @param validation   the best validation evaluation (the one the model would hold)
 * @param score        the monitored metric of {@code validation} (e.g. NDCG@20), what the rung ranks by
 */
public record Trial(int id, int rung, Map<String, String> params, int epochBudget, int epochsRun, int bestEpoch,
                    StopReason stopReason, double seconds, boolean carried, Metrics validation, double score) {

    /** Copies the parameters. */
    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
