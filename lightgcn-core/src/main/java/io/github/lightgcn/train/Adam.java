package io.github.lightgcn.train;

import io.github.lightgcn.concurrent.Workers;

/**
 * Adam (Kingma & Ba) in PyTorch's form: {@code p -= (lr / (1-β1^t)) · m / (√v / √(1-β2^t) + ε)}. Dense: every
 * parameter is updated every step, as torch.optim.Adam does for a dense gradient.
 */
public final class Adam {

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private long step;

    public Adam(int size, float learningRate) {
        this(size, learningRate, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(int size, float learningRate, float beta1, float beta2, float epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new float[size];
        this.v = new float[size];
    }

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

    /** One update of {@code params} with {@code gradient}, split in ranges over the workers (element-wise). */
    public void update(float[] params, float[] gradient, Workers workers) {
        step++;
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) (learningRate / bias1);
        float invSqrtBias2 = (float) (1 / Math.sqrt(bias2));
        int n = params.length;
        int parts = workers.threads() == 1 ? 1 : workers.threads() * 2;
        workers.run(parts, t -> {
            int from = (int) ((long) n * t / parts), to = (int) ((long) n * (t + 1) / parts);
            updateRange(params, gradient, from, to, stepSize, invSqrtBias2);
        });
    }

    private void updateRange(float[] params, float[] gradient, int from, int to, float stepSize, float invSqrtBias2) {
        float b1 = beta1, b2 = beta2, c1 = 1 - beta1, c2 = 1 - beta2, eps = epsilon;
        for (int p = from; p < to; p++) {
            float g = gradient[p];
            float mp = b1 * m[p] + c1 * g;
            float vp = b2 * v[p] + c2 * g * g;
            m[p] = mp;
            v[p] = vp;
            params[p] -= stepSize * mp / ((float) Math.sqrt(vp) * invSqrtBias2 + eps);
        }
    }
}
