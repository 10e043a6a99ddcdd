package io.github.lightgcn.internal.train;

import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a run is made from: the configuration that decides its result and fingerprints of its data
 * ({@link InteractionGraph#fingerprint()} of the training graph and of the monitoring graph, which decides
 * early stopping). A checkpoint carries the identity of its run, and a run may continue a checkpoint when
 * {@link #refusalsToResume} finds nothing.
 *
 * @param monitorFingerprint empty when the run monitors no graph
 */
public record RunIdentity(LightGCNConfig config, long trainFingerprint, OptionalLong monitorFingerprint) {

    private static final String CONFIG = "config.", TRAIN = "train.fingerprint", MONITOR = "monitor.fingerprint";
    private static final String NONE = "none";
    /**
     * The settings that format 1 checkpoints recorded as configuration although they never changed the result
     * (they are {@link io.github.lightgcn.FitOptions} now): read and dropped.
     */
    private static final Set<String> FORMAT_1_RUN_OPTIONS = Set.of("threads", "evalBlockSize", "maxTrainingSeconds");

    public RunIdentity {
        if (config == null) throw new IllegalArgumentException("config must not be null");
        if (monitorFingerprint == null) throw new IllegalArgumentException("monitorFingerprint must not be null");
    }

    /** The identity of a run of {@code config} on {@code train}, monitoring {@code monitor} (or null). */
    public static RunIdentity of(LightGCNConfig config, InteractionGraph train, InteractionGraph monitor) {
        return new RunIdentity(config, train.fingerprint(),
                monitor == null ? OptionalLong.empty() : OptionalLong.of(monitor.fingerprint()));
    }

    /** The training graph's fingerprint as hex, as files and provenance record it. */
    public String trainFingerprintHex() { return Long.toHexString(trainFingerprint); }

    /** The monitoring graph's fingerprint as hex, or {@code "none"}. */
    public String monitorFingerprintHex() {
        return monitorFingerprint.isPresent() ? Long.toHexString(monitorFingerprint.getAsLong()) : NONE;
    }

    /**
     * The string table a checkpoint stores: {@code config.<name>} for every value of {@link LightGCNConfig#asMap()},
     * {@code train.fingerprint} and {@code monitor.fingerprint} (hex, or {@code none}).
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        config.asMap().forEach((k, v) -> m.put(CONFIG + k, v));
        m.put(TRAIN, trainFingerprintHex());
        m.put(MONITOR, monitorFingerprintHex());
        return m;
    }

    /**
     * The inverse of {@link #toMap()}, also for the tables of format 1 checkpoints (whose configuration holds
     * {@code threads}, {@code evalBlockSize} and {@code maxTrainingSeconds}: dropped, they never decided a result).
     *
     * @throws IllegalArgumentException for a missing fingerprint, an unknown key or a value that does not parse
     */
    public static RunIdentity fromMap(Map<String, String> m) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(CONFIG)) {
                String name = key.substring(CONFIG.length());
                if (!FORMAT_1_RUN_OPTIONS.contains(name)) config.put(name, e.getValue());
            } else if (!key.equals(TRAIN) && !key.equals(MONITOR)) {
                throw new IllegalArgumentException("unknown run identity key '" + key + "'");
            }
        }
        String monitor = require(m, MONITOR);
        return new RunIdentity(LightGCNConfig.fromMap(config), hex(TRAIN, require(m, TRAIN)),
                monitor.equals(NONE) ? OptionalLong.empty() : OptionalLong.of(hex(MONITOR, monitor)));
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) throw new IllegalArgumentException("the run identity has no " + key);
        return v;
    }

    private static long hex(String key, String value) {
        try {
            return Long.parseUnsignedLong(value, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a hex fingerprint: '" + value + "'");
        }
    }

    /**
     * Why a run of this identity may not continue a checkpoint of {@code saved}, one entry per value that
     * differs ({@code config.learningRate = 0.02 there, 0.5 here}); empty when it may. The rule: the same data and
     * configurations that are equal once the number of epochs is set aside (a run may be extended, or cut short, by
     * resuming it with another {@code epochs}).
     */
    public List<String> refusalsToResume(RunIdentity saved) {
        List<String> refusals = new ArrayList<>();
        LightGCNConfig then = saved.config.withEpochs(config.epochs()); // epochs may differ
        if (!then.equals(config)) {
            Map<String, String> before = then.asMap(), now = config.asMap();
            Set<String> keys = new LinkedHashSet<>(now.keySet());
            keys.addAll(before.keySet());
            for (String key : keys) {
                String a = before.get(key), b = now.get(key);
                if (a == null || !a.equals(b)) refusals.add(CONFIG + key + " = " + a + " there, " + b + " here");
            }
            if (refusals.isEmpty()) refusals.add("config = " + then + " there, " + config + " here");
        }
        if (saved.trainFingerprint != trainFingerprint) {
            refusals.add(TRAIN + " = " + saved.trainFingerprintHex() + " there, " + trainFingerprintHex() + " here");
        }
        if (!saved.monitorFingerprint.equals(monitorFingerprint)) {
            refusals.add(MONITOR + " = " + saved.monitorFingerprintHex() + " there, " + monitorFingerprintHex()
                    + " here");
        }
        return refusals;
    }

    /** Whether {@code saved} was made on other data than this run (either fingerprint differs). */
    public boolean otherData(RunIdentity saved) {
        return saved.trainFingerprint != trainFingerprint || !saved.monitorFingerprint.equals(monitorFingerprint);
    }
}
