package io.github.lightgcn;

import io.github.lightgcn.internal.eval.TopK;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Nearest rows of an embedding table by cosine similarity: {@code cos(a, b) = a·b / (|a| |b|)} in double precision
 * (0 when either row is all zeros), rounded to float once. The row asked about is never its own neighbour; ties go
 * to the lower index.
 */
final class Similarity {

    /** The best rows and their cosines, best first, {@code found} of them. */
    record Neighbours(int[] rows, float[] cosines, int found) {}

    private Similarity() {}

    /** The items nearest to {@code item} (in range). */
    static List<ScoredItem> items(LightGCNModel m, int item, SimilarOptions o) {
        Neighbours n = nearest(m.itemTable(), m.cache.itemNorms.get(), m.dim(), item, o.k(), o.exclude());
        return Recommender.scored(m, n.rows(), n.cosines(), 0, n.found());
    }

    /** The users nearest to {@code user} (in range). */
    static List<ScoredUser> users(LightGCNModel m, int user, SimilarOptions o) {
        Neighbours n = nearest(m.userTable(), m.cache.userNorms.get(), m.dim(), user, o.k(), o.exclude());
        List<ScoredUser> out = new ArrayList<>(n.found());
        for (int r = 0; r < n.found(); r++) out.add(new ScoredUser(n.rows()[r], n.cosines()[r], m.userKeys()));
        return Collections.unmodifiableList(out);
    }

    /** The Euclidean norm of every row, in double. */
    static double[] norms(float[] table, int rows, int dim) {
        double[] norm = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < dim; c++) s += (double) table[r * dim + c] * table[r * dim + c];
            norm[r] = Math.sqrt(s);
        }
        return norm;
    }

    /** The {@code k} rows most similar to {@code row}, skipping {@code row} itself and every excluded row. */
    static Neighbours nearest(float[] table, double[] norms, int dim, int row, int k, IntPredicate exclude) {
        int rows = norms.length;
        TopK top = new TopK(Math.max(1, Math.min(k, rows - 1)));
        for (int i = 0; i < rows; i++) {
            if (i == row || exclude.test(i)) continue;
            double dot = 0;
            for (int c = 0; c < dim; c++) dot += (double) table[row * dim + c] * table[i * dim + c];
            double denominator = norms[row] * norms[i];
            top.offer(i, denominator == 0 ? 0f : (float) (dot / denominator));
        }
        int[] best = new int[top.size()];
        float[] cosines = new float[top.size()];
        int found = top.drainBestFirst(best, cosines);
        return new Neighbours(best, cosines, found);
    }
}
