package io.github.lightgcn.internal.train;

import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.simd.VectorOps;

/**
 * Rows scaled to unit length, and the chain rule back through that scaling: for {@code n = f / ‖f‖},
 * {@code ∂L/∂f = (∂L/∂n − (∂L/∂n · n) n) / ‖f‖}. A zero row stays zero and gets a zero gradient. Each row is
 * computed alone (norm in double, index order), so the results do not depend on how rows are split among threads.
 */
final class UnitRows {

    private float[] unit = new float[0];
    private float[] inverseNorm = new float[0];

    /** The unit rows of the last {@link #normalize}, compact like its input. */
    float[] rows() { return unit; }

    /** Grows the buffers for {@code count} rows of {@code dim}. */
    void ensure(int count, int dim) {
        if (inverseNorm.length < count) {
            inverseNorm = new float[count];
            unit = new float[count * dim];
        }
    }

    /** {@code rows()[s] = f[s] / ‖f[s]‖} for the slots in [from, to); {@link #ensure} first. */
    void normalize(float[] f, int dim, int from, int to, RowKernels rowOps) {
        for (int s = from; s < to; s++) {
            double norm = Math.sqrt(VectorOps.squaredNorm(f, s * dim, dim));
            float inv = norm > 0 ? (float) (1 / norm) : 0f;
            inverseNorm[s] = inv;
            System.arraycopy(f, s * dim, unit, s * dim, dim);
            rowOps.scale(inv, unit, s * dim, dim);
        }
    }

    /** {@code grad[s] = (gUnit[s] − (gUnit[s]·n[s]) n[s]) / ‖f[s]‖} for the slots in [from, to). */
    void backward(float[] gUnit, float[] grad, int dim, int from, int to, RowKernels rowOps) {
        for (int s = from; s < to; s++) {
            int o = s * dim;
            float along = VectorOps.dot(gUnit, o, unit, o, dim);
            System.arraycopy(gUnit, o, grad, o, dim);
            rowOps.axpy(-along, unit, o, grad, o, dim);
            rowOps.scale(inverseNorm[s], grad, o, dim);
        }
    }
}
