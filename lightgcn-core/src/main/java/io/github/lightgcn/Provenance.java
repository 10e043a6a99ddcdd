package io.github.lightgcn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model comes from: the configuration that decided it, fingerprints of the data it was trained on, the
 * library and Java that trained it, the kernels that ran, and what training did. Saved and loaded with the model.
 * Fields a file of an older version does not hold read as {@code "unknown"}, {@code null} or -1.
 *
 * @param libraryVersion     e.g. {@code 0.1.0-SNAPSHOT}
 * @param javaVersion        {@code java.version} of the training JVM, e.g. {@code 25.0.1}
 * @param kernels            the kernel path that ran: {@code simd} (the Vector API) or {@code scalar}
 * @param created            when training ended, or null when unknown
 * @param config             every value of the {@link LightGCNConfig} that decided the result, by name
 * @param trainFingerprint   {@link io.github.lightgcn.graph.InteractionGraph#fingerprint()} of the training graph, hex
 * @param monitorFingerprint the same of the graph monitored for early stopping, or {@code "none"}
 * @param trainEdges         interactions in the training graph
 * @param epochsRun          epochs trained
 * @param modelEpoch         the epoch whose embeddings the model holds
 * @param stopReason         why training ended: the {@link StopReason#label()} of its
 *                           {@link TrainingSummary#stopReason()} ({@code completed}, {@code early-stopped},
 *                           {@code time-bound}, {@code interrupted}), or {@code "unknown"}
 * @param trainSeconds       seconds spent in training epochs, or -1 when unknown
 */
public record Provenance(String libraryVersion, String javaVersion, String kernels, Instant created,
                         Map<String, String> config, String trainFingerprint, String monitorFingerprint,
                         int trainEdges, int epochsRun, int modelEpoch, String stopReason, double trainSeconds) {

    private static final String UNKNOWN = "unknown";

    public Provenance {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Provenance for a model built from embeddings rather than trained here ({@link LightGCNModel#of}). */
    public static Provenance external(Map<String, String> config) {
        return new Provenance(LightGCN.VERSION, System.getProperty("java.version"), UNKNOWN, null, config, UNKNOWN,
                "none", -1, -1, -1, UNKNOWN, -1);
    }

    /**
     * Everything as strings, as saved in a model file. The keys of format 1 files keep their meaning
     * ({@code library}, {@code config.*}, {@code train.fingerprint}, {@code train.edges}, {@code epochs},
     * {@code modelEpoch}).
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("library", "lightgcn-java " + libraryVersion);
        m.put("java", javaVersion);
        m.put("kernels", kernels);
        if (created != null) m.put("created", created.toString());
        config.forEach((k, v) -> m.put("config." + k, v));
        m.put("train.fingerprint", trainFingerprint);
        m.put("monitor.fingerprint", monitorFingerprint);
        m.put("train.edges", Integer.toString(trainEdges));
        m.put("epochs", Integer.toString(epochsRun));
        m.put("modelEpoch", Integer.toString(modelEpoch));
        m.put("stopReason", stopReason);
        m.put("trainSeconds", Double.toString(trainSeconds));
        return m;
    }

    /**
     * The inverse of {@link #toMap()}, also for the metadata of format 1 files (which lack some keys).
     *
     * @throws IllegalArgumentException when a number or a time does not parse (the message names the key)
     */
    public static Provenance fromMap(Map<String, String> m) {
        String library = m.getOrDefault("library", UNKNOWN);
        if (library.startsWith("lightgcn-java ")) library = library.substring("lightgcn-java ".length());
        Map<String, String> config = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("config.")) config.put(k.substring("config.".length()), v);
        });
        Instant created = null;
        if (m.containsKey("created")) {
            try {
                created = Instant.parse(m.get("created"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("provenance 'created' is not a time: " + m.get("created"));
            }
        }
        return new Provenance(library, m.getOrDefault("java", UNKNOWN), m.getOrDefault("kernels", UNKNOWN), created,
                config, m.getOrDefault("train.fingerprint", UNKNOWN), m.getOrDefault("monitor.fingerprint", "none"),
                intOf(m, "train.edges"), intOf(m, "epochs"), intOf(m, "modelEpoch"),
                m.getOrDefault("stopReason", UNKNOWN), doubleOf(m, "trainSeconds"));
    }

    private static int intOf(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) return -1;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance '" + key + "' is not an integer: " + v);
        }
    }

    private static double doubleOf(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) return -1;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance '" + key + "' is not a number: " + v);
        }
    }
}
