package io.github.lightgcn.internal.simd;

/**
 * The inner loops of full ranking: dot products of user rows against a k-major tile of items, and the selection of
 * the scores that may enter a top-K heap. {@link Kernels#SCALAR}'s implementation is the oracle: every
 * implementation gives bit-identical scores (each the sequential-order float dot product, {@link VectorOps#dot}) and
 * the same selected positions. No checks, no allocation.
 */
public interface ScoringKernels {

    /**
     * Scores the 4 user rows {@code users[uOff + r·dim ..]}, r in [0, 4), against {@code width} items of a k-major
     * tile ({@code tile[tOff + k·width + j]} is dimension k of item j; width a multiple of {@link #tileAlignment()}):
     * {@code out[r·width + j] = Σ_k users[uOff + r·dim + k] · tile[tOff + k·width + j]}, summed in k order from
     * {@code 0f}.
     */
    void scoreTile4(float[] users, int uOff, int dim, float[] tile, int tOff, int width, float[] out);

    /**
     * Scores one query row {@code query[qOff ..]} against {@code width} items of a k-major tile (width a multiple of
     * {@link #tileAlignment()}): {@code out[oOff + j] = Σ_k query[qOff + k] · tile[tOff + k·width + j]}, summed in k
     * order from {@code 0f}, as {@link #scoreTile4} does for four rows: the single-request path of the model's
     * queries.
     */
    void scoreRow(float[] query, int qOff, int dim, float[] tile, int tOff, int width, float[] out, int oOff);

    /** The multiple of items a score tile's width must be. */
    int tileAlignment();

    /**
     * Writes into {@code idx} the positions j in [0, len) with {@code scores[off + j] >= threshold} (never NaN),
     * ascending; returns their count.
     */
    int selectAtLeast(float[] scores, int off, int len, float threshold, int[] idx);
}
