package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.simd.ScoringKernels;
import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.simd.VectorizationProvider;

/**
 * The scores of one query vector against every item, for the model's single-request queries (recommend, new users):
 * the items are kept once, k-major and padded to the kernel's alignment, so that {@link ScoringKernels#scoreRow}
 * scores several items per instruction. Each score is still the sequential-order float dot product
 * ({@link VectorOps#dot}), bit for bit, so answers are the same as item-by-item scoring and as batch ranking.
 */
public final class QueryScorer {

    private final ScoringKernels kernels;
    private final int numItems, dim, width;
    private final float[] tile; // dim × width: dimension k of item j at [k·width + j]

    /** A scorer over {@code numItems} rows of {@code dim} floats (the model's final item embeddings). */
    public QueryScorer(float[] items, int numItems, int dim) {
        this(items, numItems, dim, VectorizationProvider.kernels().scoring());
    }

    QueryScorer(float[] items, int numItems, int dim, ScoringKernels kernels) {
        this.kernels = kernels;
        this.numItems = numItems;
        this.dim = dim;
        int align = kernels.tileAlignment();
        this.width = Math.max(align, (numItems + align - 1) / align * align);
        long size = (long) dim * width;
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("item table too large to tile");
        this.tile = new float[(int) size];
        for (int j = 0; j < numItems; j++) {
            for (int k = 0; k < dim; k++) tile[k * width + j] = items[j * dim + k];
        }
    }

    /** Whether a table of this size can be tiled (else score item by item). */
    public static boolean fits(int numItems, int dim) {
        return (long) dim * (numItems + 64L) <= Integer.MAX_VALUE - 8;
    }

    /** {@code scores[j]} = dot(query, item j) for every item j (the array is longer: padding after numItems). */
    public float[] scores(float[] query, int queryOffset) {
        float[] out = new float[width];
        kernels.scoreRow(query, queryOffset, dim, tile, 0, width, out, 0);
        return out;
    }

    /** The number of items scored. */
    public int numItems() { return numItems; }
}
