package io.github.lightgcn.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} shows, in the Prometheus text format (version 0.0.4): requests by endpoint, method and
 * status, a latency histogram by endpoint, the model's age and the reloads. Endpoints are the routes' names (or
 * {@code unmatched}), never the raw path, so random paths cannot grow the label set.
 */
final class ServerMetrics {

    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final String[] LABELS = java.util.Arrays.stream(BUCKETS)
            .mapToObj(b -> java.math.BigDecimal.valueOf(b).stripTrailingZeros().toPlainString()).toArray(String[]::new);

    private final Clock clock;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final LongAdder reloadsOk = new LongAdder(), reloadsFailed = new LongAdder();
    private volatile Supplier<ServedModel> model = () -> null;

    ServerMetrics(Clock clock) { this.clock = clock; }

    /** The model whose age is shown. */
    void watch(Supplier<ServedModel> model) { this.model = model; }

    /** Counts one answered request. */
    void record(String endpoint, String method, int status, long nanos) {
        requests.computeIfAbsent(endpoint + '\u0000' + method + '\u0000' + status, k -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, k -> new Histogram()).add(nanos / 1e9);
    }

    void reloaded(boolean ok) { (ok ? reloadsOk : reloadsFailed).increment(); }

    /** The metrics as Prometheus text. */
    String render() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP lightgcn_http_requests_total Requests answered, by endpoint, method and status.\n")
                .append("# TYPE lightgcn_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> {
            String[] k = key.split("\u0000");
            out.append("lightgcn_http_requests_total{endpoint=\"").append(k[0]).append("\",method=\"").append(k[1])
                    .append("\",status=\"").append(k[2]).append("\"} ").append(count.sum()).append('\n');
        });
        out.append("# HELP lightgcn_http_request_duration_seconds Time to answer a request, by endpoint.\n")
                .append("# TYPE lightgcn_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((endpoint, h) -> h.render(out, endpoint));
        ServedModel m = model.get();
        if (m != null) {
            Instant now = clock.instant();
            Instant created = m.anime().model().provenance().created();
            out.append("# HELP lightgcn_model_age_seconds Seconds since the served model was trained (or loaded, "
                    + "when its file does not say).\n# TYPE lightgcn_model_age_seconds gauge\n")
                    .append("lightgcn_model_age_seconds ")
                    .append(seconds(Duration.between(created != null ? created : m.loadedAt(), now))).append('\n');
            out.append("# HELP lightgcn_model_loaded_seconds Seconds since the served model was loaded.\n"
                    + "# TYPE lightgcn_model_loaded_seconds gauge\n")
                    .append("lightgcn_model_loaded_seconds ").append(seconds(Duration.between(m.loadedAt(), now)))
                    .append('\n');
        }
        out.append("# HELP lightgcn_model_reloads_total Model reloads, by result.\n")
                .append("# TYPE lightgcn_model_reloads_total counter\n")
                .append("lightgcn_model_reloads_total{result=\"loaded\"} ").append(reloadsOk.sum()).append('\n')
                .append("lightgcn_model_reloads_total{result=\"refused\"} ").append(reloadsFailed.sum()).append('\n');
        return out.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** Cumulative buckets, as Prometheus wants them, filled without locks. */
    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length];
        private final LongAdder total = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int b = 0; b < counts.length; b++) counts[b] = new LongAdder();
        }

        void add(double seconds) {
            for (int b = 0; b < BUCKETS.length; b++) {
                if (seconds <= BUCKETS[b]) {
                    counts[b].increment();
                    break;
                }
            }
            total.increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String endpoint) {
            long cumulative = 0;
            for (int b = 0; b < BUCKETS.length; b++) {
                cumulative += counts[b].sum();
                out.append("lightgcn_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint)
                        .append("\",le=\"").append(LABELS[b]).append("\"} ").append(cumulative).append('\n');
            }
            long n = total.sum();
            out.append("lightgcn_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint)
                    .append("\",le=\"+Inf\"} ").append(n).append('\n')
                    .append("lightgcn_http_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n')
                    .append("lightgcn_http_request_duration_seconds_count{endpoint=\"").append(endpoint)
                    .append("\"} ").append(n).append('\n');
        }
    }
}
