package io.github.lightgcn.tune;

import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.internal.JsonStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Tuner} found: every trial (in the order run), the best configuration of the last rung reached, and
 * its model, trained on the training graph only and chosen on validation only.
 */
public final class TuningResult {

    private final SearchSpace space;
    private final List<Trial> trials;
    private final Trial best;
    private final LightGCNConfig bestConfig;
    private final LightGCNModel bestModel;
    private final boolean finished;
    private final double seconds;

    TuningResult(SearchSpace space, List<Trial> trials, Trial best, LightGCNConfig bestConfig, LightGCNModel bestModel,
                 boolean finished, double seconds) {
        this.space = space;
        this.trials = List.copyOf(trials);
        this.best = best;
        this.bestConfig = bestConfig;
        this.bestModel = bestModel;
        this.finished = finished;
        this.seconds = seconds;
    }

    /** Every trial, in the order they ran (journal trials included when resumed). */
    public List<Trial> trials() { return trials; }

    /** The best trial of the last rung reached. */
    public Trial best() { return best; }

    /** The base configuration with the best trial's values and its rung's epochs. */
    public LightGCNConfig bestConfig() { return bestConfig; }

    /** The best trial's model (early-stopped on validation: it holds the best validation epoch). */
    public LightGCNModel bestModel() { return bestModel; }

    /** Whether every rung ran (false when the time budget ended the search early). */
    public boolean finished() { return finished; }

    /** Wall-clock time of the search (this run's part, when resumed). */
    public double seconds() { return seconds; }

    /** The trials as a Markdown table, best of each rung first, with the values of the space as columns. */
    public String toMarkdown(int k) {
        List<String> keys = new ArrayList<>(space.values().keySet());
        StringBuilder sb = new StringBuilder("| rung | trial |");
        for (String key : keys) sb.append(' ').append(key).append(" |");
        sb.append(" epochs (budget / run / best) | stop | val recall@").append(k).append(" | val NDCG@").append(k)
                .append(" | seconds | |\n|---|---|");
        for (int i = 0; i < keys.size(); i++) sb.append("---|");
        sb.append("---|---|---|---|---|---|\n");
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> a.rung() != b.rung() ? Integer.compare(a.rung(), b.rung()) : Tuner.RANKING.compare(a, b));
        for (Trial t : sorted) {
            sb.append("| ").append(t.rung()).append(" | ").append(t.id()).append(" |");
            for (String key : keys) sb.append(' ').append(t.params().get(key)).append(" |");
            sb.append(String.format(Locale.ROOT, " %d / %d / %d | %s | %.5f | %.5f | %.1f | %s |%n", t.epochBudget(),
                    t.epochsRun(), t.bestEpoch(), t.stopReason().label(), t.validation().recall(k),
                    t.validation().ndcg(k), t.seconds(), t == best ? "**best**" : t.carried() ? "carried" : ""));
        }
        return sb.toString();
    }

    /** The search as JSON: the space, every trial, the best trial and its configuration. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"space\": {");
        int n = 0;
        for (Map.Entry<String, List<String>> e : space.values().entrySet()) {
            sb.append(n++ == 0 ? "" : ", ").append(JsonStrings.quote(e.getKey())).append(": [");
            for (int i = 0; i < e.getValue().size(); i++) sb.append(i == 0 ? "" : ", ").append(JsonStrings.quote(e.getValue().get(i)));
            sb.append(']');
        }
        sb.append("},\n  \"finished\": ").append(finished).append(",\n  \"seconds\": ")
                .append(String.format(Locale.ROOT, "%.3f", seconds)).append(",\n  \"trials\": [\n");
        for (int i = 0; i < trials.size(); i++) {
            sb.append("    ").append(json(trials.get(i))).append(i + 1 < trials.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"best\": ").append(json(best)).append(",\n  \"best_config\": ")
                .append(object(bestConfig.asMap())).append("\n}\n");
        return sb.toString();
    }

    private static String json(Trial t) {
        return String.format(Locale.ROOT, "{\"id\": %d, \"rung\": %d, \"params\": %s, \"epoch_budget\": %d, "
                        + "\"epochs_run\": %d, \"best_epoch\": %d, \"stop\": %s, \"seconds\": %.3f, \"carried\": %b, "
                        + "\"score\": %s, \"validation\": %s}", t.id(), t.rung(), object(t.params()), t.epochBudget(),
                t.epochsRun(), t.bestEpoch(), JsonStrings.quote(t.stopReason().label()), t.seconds(), t.carried(), number(t.score()),
                numbers(t.validation().asMap()));
    }

    private static String object(Map<String, String> map) {
        StringBuilder sb = new StringBuilder("{");
        int n = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            sb.append(n++ == 0 ? "" : ", ").append(JsonStrings.quote(e.getKey())).append(": ").append(JsonStrings.quote(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String numbers(Map<String, Double> map) {
        StringBuilder sb = new StringBuilder("{");
        int n = 0;
        for (Map.Entry<String, Double> e : map.entrySet()) {
            sb.append(n++ == 0 ? "" : ", ").append(JsonStrings.quote(e.getKey())).append(": ").append(number(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String number(double v) { return Double.isFinite(v) ? Double.toString(v) : "null"; }
}
