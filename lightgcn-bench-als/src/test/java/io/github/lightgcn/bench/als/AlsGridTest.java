package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlsGridTest {

    /** A result whose validation NDCG@20 is {@code ndcg} (recall the same). */
    private static GridResult result(AlsParams p, double ndcg) {
        double[][] values = new double[Metric.values().length][1];
        values[Metric.NDCG.ordinal()][0] = ndcg;
        values[Metric.RECALL.ordinal()][0] = ndcg;
        return new GridResult(p, Metrics.of(new int[]{20}, values, 1), 1.0);
    }

    private static List<AlsParams> fitted(AlsGrid.Kind kind, ToDoubleFunction<AlsParams> ndcg) {
        List<AlsParams> order = new ArrayList<>();
        AlsGrid.search(kind, BenchSplit.Name.MAL, p -> {
            order.add(p);
            return result(p, ndcg.applyAsDouble(p));
        });
        return order;
    }

    @Test
    void theFullGridIsAlsMdsTwentySevenPoints() {
        List<AlsParams> full = fitted(AlsGrid.Kind.FULL, p -> 0);
        assertEquals(27, new HashSet<>(full).size());
        for (int rank : new int[]{32, 64, 128}) {
            for (double reg : new double[]{0.01, 0.1, 1}) {
                for (double alpha : new double[]{1, 10, 40}) {
                    assertEquals(1, full.stream().filter(p -> p.equals(new AlsParams(rank, reg, alpha))).count());
                }
            }
        }
    }

    @Test
    void theReducedGridSearchesRank64ThenTheOtherRanksAtItsBest() {
        // rank 64's best is (1, 40); the other ranks must be fitted at that point, after the nine
        List<AlsParams> order = fitted(AlsGrid.Kind.REDUCED,
                p -> p.regParam() == 1 && p.alpha() == 40 ? 0.5 : p.regParam() / 10 + p.alpha() / 1000);
        assertEquals(11, order.size());
        assertEquals(AlsGrid.atRank(64), order.subList(0, 9));
        assertEquals(List.of(new AlsParams(32, 1, 40), new AlsParams(128, 1, 40)), order.subList(9, 11));
    }

    @Test
    void theBestGridFitsTheSplitsWinnerOnly() {
        List<AlsParams> order = new ArrayList<>();
        AlsGrid.search(AlsGrid.Kind.BEST, BenchSplit.Name.GOWALLA, p -> {
            order.add(p);
            return result(p, 0);
        });
        assertEquals(List.of(new AlsParams(128, 1, 40)), order);
        assertEquals(new AlsParams(128, 0.1, 1), AlsGrid.best(BenchSplit.Name.MAL));
        assertEquals(new AlsParams(64, 1, 10), AlsGrid.best(BenchSplit.Name.LASTFM));
    }

    @Test
    void theChosenPointHasTheBestValidationNdcgAndTheFirstAmongEquals() {
        GridResult a = result(new AlsParams(32, 1, 1), 0.2);
        GridResult b = result(new AlsParams(64, 1, 1), 0.3);
        GridResult c = result(new AlsParams(128, 1, 1), 0.3);
        assertSame(b, AlsGrid.chosen(List.of(a, b, c)));
        assertSame(a, AlsGrid.chosen(List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> AlsGrid.chosen(List.of()));
    }

    @Test
    void gridNamesParseAndBadOnesNameTheOption() {
        assertEquals(AlsGrid.Kind.REDUCED, AlsGrid.kind("Reduced"));
        assertEquals("--grid must be full, reduced or best, got 'half'",
                assertThrows(IllegalArgumentException.class, () -> AlsGrid.kind("half")).getMessage());
    }
}
