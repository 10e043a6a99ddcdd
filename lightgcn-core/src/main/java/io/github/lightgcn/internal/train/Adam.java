package io.github.lightgcn.internal.train;

import io.github.lightgcn.internal.simd.AdamCoefficients;
import io.github.lightgcn.internal.simd.AdamKernels;

/**
 * Adam (Kingma & Ba) in PyTorch's form: {@code p -= (lr / (1-β1^t)) · m / (√v / √(1-β2^t) + ε)}. Dense: every
 * parameter is updated every step, as torch.optim.Adam does for a dense gradient. A step is begun once
 * ({@link #beginStep}) and applied range by range ({@link #updateRange}) on the Adam kernel it is given.
 */
public final class Adam {

    private float learningRate; // the schedule's rate of the current epoch
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private final AdamKernels kernel;
    private long step;
    private AdamCoefficients coefficients; // of the current step

    public Adam(int size, float learningRate, AdamKernels kernel) {
        this(size, learningRate, 0.9f, 0.999f, 1e-8f, kernel);
    }

    public Adam(int size, float learningRate, float beta1, float beta2, float epsilon, AdamKernels kernel) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new float[size];
        this.v = new float[size];
        this.kernel = kernel;
    }

    /** Sets the learning rate of the steps from now on (a schedule's rate for the next epoch). */
    public void learningRate(float rate) { learningRate = rate; }

    /** Number of steps taken. */
    public long step() { return step; }

    /** First-moment estimates (live storage, for checkpoints). */
    public float[] firstMoments() { return m; }

    /** Second-moment estimates (live storage, for checkpoints). */
    public float[] secondMoments() { return v; }

    /** Restores the state saved in a checkpoint. */
    public void restore(long step, float[] firstMoments, float[] secondMoments) {
        if (firstMoments.length != m.length || secondMoments.length != v.length || step < 0) {
            throw new IllegalArgumentException("Adam state of " + firstMoments.length + "/" + secondMoments.length
                    + " values at step " + step + " does not fit " + m.length + " parameters");
        }
        System.arraycopy(firstMoments, 0, m, 0, m.length);
        System.arraycopy(secondMoments, 0, v, 0, v.length);
        this.step = step;
    }

    /**
     * Starts a step whose updates are then applied range by range with {@link #updateRange} (so that a caller can
     * update parameters as soon as their gradient is known, without materialising the whole gradient).
     */
    public void beginStep() {
        step++;
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2 = 1 - Math.pow(beta2, step);
        coefficients = new AdamCoefficients(beta1, beta2, 1 - beta1, 1 - beta2, epsilon, (float) (learningRate / bias1),
                (float) (1 / Math.sqrt(bias2)));
    }

    /**
     * The current step's update of {@code params[from, to)}, whose gradient is {@code gradient[gOff ..]}. Ranges
     * may be updated from several threads at once as long as they do not overlap.
     */
    public void updateRange(float[] params, int from, int to, float[] gradient, int gOff) {
        kernel.update(params, m, v, from, to, gradient, gOff, coefficients);
    }
}
