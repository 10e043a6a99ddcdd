package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlsReportTest {

    private static Metrics metrics(double recall, double ndcg, double precision) {
        double[][] values = new double[Metric.values().length][1];
        values[Metric.RECALL.ordinal()][0] = recall;
        values[Metric.NDCG.ordinal()][0] = ndcg;
        values[Metric.PRECISION.ordinal()][0] = precision;
        return Metrics.of(new int[]{20}, values, 813);
    }

    private static AlsReport report() {
        GridResult a = new GridResult(new AlsParams(64, 0.1, 1), metrics(0.29, 0.24, 0.1), 30.25);
        GridResult b = new GridResult(new AlsParams(128, 0.1, 1), metrics(0.3, 0.25, 0.12), 65.71);
        return new AlsReport(AlsOptions.parse("--grid", "full"), "mal: \"split\"", Map.of("spark", "4.2.0"),
                metrics(0.14462, 0.11934, 0.05), metrics(0.1473, 0.11867, 0.0548), List.of(a, b), b,
                metrics(0.3168, 0.26317, 0.12411), 65.71, false);
    }

    @Test
    void theMarkdownHasEveryPointTheChosenOneMarkedAndTheTestRows() {
        List<String> lines = Arrays.asList(report().markdown().split("\n"));
        assertTrue(lines.contains("| 64 / 0.1 / 1 | 0.29000 | 0.24000 | 30.3 |"), String.join("\n", lines));
        assertTrue(lines.contains("| 128 / 0.1 / 1 **(chosen)** | 0.30000 | 0.25000 | 65.7 |"));
        assertTrue(lines.contains(
                "| implicit ALS, 128 / 0.1 / 1 | 0.31680 | 0.26317 | 0.12411 | 65.7 (the grid's fit) |"));
        assertTrue(lines.contains("| popularity | 0.14730 | 0.11867 | 0.05480 |  |"));
    }

    @Test
    void theJsonQuotesItsStringsAndHoldsEveryPoint() {
        String json = report().json();
        assertTrue(json.contains("\"data\": \"mal: \\\"split\\\"\""), json);
        assertTrue(json.contains("\"chosen\": {\"rank\": 128, \"regParam\": 0.1, \"alpha\": 1.0}"));
        assertEquals(2, json.split("\"fitSeconds\": 65.710").length - 1); // the chosen point and the test fit
        assertEquals("\"a\\\\b\\n\\u0001\"", AlsReport.quote("a\\b\n\u0001"));
    }
}
