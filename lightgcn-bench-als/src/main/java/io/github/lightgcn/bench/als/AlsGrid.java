package io.github.lightgcn.bench.als;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The hyperparameter search on validation: which points are fitted, and which one wins (the best NDCG@20; a tie
 * goes to the point fitted first).
 * <ul>
 *   <li>{@link Kind#FULL}: ALS.md's 27 points, rank {32, 64, 128} x regParam {0.01, 0.1, 1} x alpha {1, 10, 40};</li>
 *   <li>{@link Kind#REDUCED}: 11 points, a coordinate search through the same grid: the 9 (regParam, alpha) at
 *       rank 64, then ranks 32 and 128 at the best of those (a third of the full grid's time: rank 128 is the
 *       dearest);</li>
 *   <li>{@link Kind#BEST}: the one winner of a grid measured before: MAL's full grid (ALS.md, and this program),
 *       Gowalla's 11-point grid (ALS.md), LastFM's full grid (this program, BENCHMARKS.md).</li>
 * </ul>
 */
public final class AlsGrid {

    /** How much of the grid is searched. */
    public enum Kind { FULL, REDUCED, BEST }

    static final int[] RANKS = {32, 64, 128};
    static final double[] REG_PARAMS = {0.01, 0.1, 1.0};
    static final double[] ALPHAS = {1.0, 10.0, 40.0};
    private static final int REDUCED_RANK = 64;

    private AlsGrid() {}

    /** Parses {@code full}, {@code reduced} or {@code best}. */
    public static Kind kind(String name) {
        for (Kind k : Kind.values()) if (k.name().equalsIgnoreCase(name)) return k;
        throw new IllegalArgumentException("--grid must be full, reduced or best, got '" + name + "'");
    }

    /** The 27 points, rank slowest and alpha fastest. */
    public static List<AlsParams> full() {
        List<AlsParams> points = new ArrayList<>();
        for (int rank : RANKS) points.addAll(atRank(rank));
        return points;
    }

    /** The winner of the split's grid ({@link Kind#BEST}). */
    public static AlsParams best(BenchSplit.Name split) {
        return switch (split) {
            case MAL -> new AlsParams(128, 0.1, 1);      // ALS.md
            case GOWALLA -> new AlsParams(128, 1.0, 40); // ALS.md
            case LASTFM -> new AlsParams(64, 1.0, 10);   // BENCHMARKS.md, "ALS baseline": this program, --grid full
        };
    }

    /**
     * Fits the points of a search with {@code fit} (in order) and returns every result, in the order fitted.
     */
    public static List<GridResult> search(Kind kind, BenchSplit.Name split, Function<AlsParams, GridResult> fit) {
        List<GridResult> results = new ArrayList<>();
        switch (kind) {
            case FULL -> full().forEach(p -> results.add(fit.apply(p)));
            case BEST -> results.add(fit.apply(best(split)));
            case REDUCED -> {
                atRank(REDUCED_RANK).forEach(p -> results.add(fit.apply(p)));
                AlsParams atBest = chosen(results).params();
                for (int rank : RANKS) {
                    if (rank == REDUCED_RANK) continue;
                    results.add(fit.apply(new AlsParams(rank, atBest.regParam(), atBest.alpha())));
                }
            }
        }
        return results;
    }

    /** The point with the best validation NDCG@20; the first fitted among equals. */
    public static GridResult chosen(List<GridResult> results) {
        if (results.isEmpty()) throw new IllegalArgumentException("no grid point was fitted");
        int best = 0;
        for (int j = 1; j < results.size(); j++) if (results.get(j).score() > results.get(best).score()) best = j;
        return results.get(best);
    }

    /** The 9 (regParam, alpha) points at one rank. */
    static List<AlsParams> atRank(int rank) {
        List<AlsParams> points = new ArrayList<>();
        for (double reg : REG_PARAMS) for (double alpha : ALPHAS) points.add(new AlsParams(rank, reg, alpha));
        return points;
    }

    /** e.g. {@code full (27 points: ...)}. */
    static String describe(Kind kind) {
        return switch (kind) {
            case FULL -> "full, 27 points: rank {32, 64, 128} x regParam {0.01, 0.1, 1} x alpha {1, 10, 40}";
            case REDUCED -> "reduced, 11 points: regParam x alpha at rank 64, then ranks 32 and 128 at the best";
            case BEST -> "best: the winner of the split's grid only";
        };
    }
}
