package io.github.lightgcn.eval;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.internal.eval.PopularityScorer;

/**
 * The baseline every recommender must beat: each user gets the items with the most training interactions that
 * the user has not interacted with (ties: lower item index). Evaluated exactly as a model is (same metrics, same
 * users, training items masked), so the two {@link Metrics} compare like with like.
 */
public final class PopularityBaseline {

    private PopularityBaseline() {}

    /**
     * Full-ranking metrics of popularity on held-out interactions.
     *
     * @param train   the training interactions: what counts as popular, and what is masked per user
     * @param heldOut the interactions that count as hits (same users and items as {@code train})
     */
    public static Metrics evaluate(InteractionGraph train, InteractionGraph heldOut, EvaluationOptions options) {
        checkSameShape(train, heldOut);
        return Evaluator.run(new PopularityScorer(train), train, heldOut, options);
    }

    /** Held-out interactions must be over the training graph's users and items. */
    public static void checkSameShape(InteractionGraph train, InteractionGraph heldOut) {
        if (heldOut.numUsers() != train.numUsers() || heldOut.numItems() != train.numItems()) {
            throw new IllegalArgumentException("held-out graph is " + heldOut.numUsers() + " x " + heldOut.numItems()
                    + " but the training graph is " + train.numUsers() + " x " + train.numItems());
        }
    }
}
