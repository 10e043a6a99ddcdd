package io.github.lightgcn.bench.als;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.Map;

/**
 * A matrix factorisation as dense row-major tables over a split's whole universe ({@code numUsers x rank},
 * {@code numItems x rank}), scored by the library's own evaluator: the same full ranking, training items masked,
 * as {@link LightGCNModel#evaluate} gives a LightGCN model. A user or item without a training row (Spark has no
 * factor for it) is a zero vector, so its scores are 0.
 */
public record Factors(int rank, float[] users, float[] items) {

    /** @throws IllegalArgumentException when a table is not a whole number of rows of {@code rank} floats */
    public Factors {
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        if (users.length % rank != 0 || items.length % rank != 0) {
            throw new IllegalArgumentException("tables of " + users.length + " and " + items.length
                    + " floats are not rows of rank " + rank);
        }
    }

    /**
     * A dense table from sparse factor rows, e.g. Spark's {@code userFactors}: row {@code ids[j]} is
     * {@code features[j]}, every other row is zero.
     *
     * @throws IllegalArgumentException for an id outside [0, n), an id given twice, or a row whose length is not
     *                                  {@code rank}
     */
    public static float[] table(int n, int rank, int[] ids, float[][] features) {
        if (ids.length != features.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + features.length + " feature rows");
        }
        float[] table = new float[Math.multiplyExact(n, rank)];
        boolean[] seen = new boolean[n];
        for (int j = 0; j < ids.length; j++) {
            int id = ids[j];
            if (id < 0 || id >= n) throw new IllegalArgumentException("id " + id + " is outside [0, " + n + ")");
            if (seen[id]) throw new IllegalArgumentException("id " + id + " has two factor rows");
            if (features[j].length != rank) {
                throw new IllegalArgumentException("the row of id " + id + " has " + features[j].length
                        + " values, not rank " + rank);
            }
            seen[id] = true;
            System.arraycopy(features[j], 0, table, id * rank, rank);
        }
        return table;
    }

    /**
     * Full-ranking metrics of these factors on held-out interactions, {@code train}'s items masked.
     *
     * @param settings recorded as the model's provenance (e.g. rank, regParam, alpha)
     * @throws IllegalArgumentException when the tables do not fit {@code train}'s universe, or a factor is not finite
     */
    public Metrics evaluate(InteractionGraph train, InteractionGraph heldOut, EvaluationOptions options,
                            Map<String, String> settings) {
        return LightGCNModel.of(users, items, rank, train, settings).evaluate(heldOut, options);
    }
}
