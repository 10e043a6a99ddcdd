package cmp;
public final class Work {
    static final int N = 10000, D = 64;
    static final float[] E = new float[N * D];
    static { java.util.Random r = new java.util.Random(1); for (int i = 0; i < E.length; i++) E[i] = r.nextFloat(); }
    /** scores every item against row u, returns the best index */
    public static int score(int u) {
        int off = (u % N) * D; int best = -1; float bs = -1e30f;
        for (int i = 0; i < N; i++) { float s = 0; int o = i * D; for (int d = 0; d < D; d++) s += E[off + d] * E[o + d]; if (s > bs) { bs = s; best = i; } }
        return best;
    }
}
