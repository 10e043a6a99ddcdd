package io.github.lightgcn.tune;

import io.github.lightgcn.LightGCNConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The configurations a {@link Tuner} may try: for each configuration value it varies (a key of
 * {@link LightGCNConfig#asMap()}, e.g. {@code learningRate}), the values to choose from; every other value comes
 * from the tuner's base configuration. The points of the space are all combinations.
 *
 * <p>As text (a {@code --space} file), one value per line, {@code #} starting a comment:
 * <pre>
 * learningRate = 0.001, 0.005, 0.01
 * embeddingDim = 64, 128
 * loss = bpr(negatives=1), implicit-squared(unobserved=0.5)
 * </pre>
 */
public final class SearchSpace {

    private final Map<String, List<String>> values; // in the order given

    private SearchSpace(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * A space over the given values, checked against {@code LightGCNConfig.fromMap}: every key must be a
     * configuration value and every value must be valid for it.
     *
     * @throws IllegalArgumentException for an unknown key, a bad or repeated value, or an empty list (the message
     *                                  names the key)
     */
    public static SearchSpace of(Map<String, List<String>> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("a search space needs at least one value to vary");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String key = e.getKey();
            if (key.equals("seed") || key.equals("epochs")) {
                throw new IllegalArgumentException("'" + key + "' is not tuned: the tuner sets it (the seed is the "
                        + "tuner's, the epochs are the rung's budget)");
            }
            List<String> list = new ArrayList<>();
            for (String v : e.getValue()) list.add(v.strip());
            if (list.isEmpty()) throw new IllegalArgumentException(key + " has no value to try");
            Set<String> distinct = new LinkedHashSet<>(list);
            if (distinct.size() != list.size()) throw new IllegalArgumentException(key + " repeats a value: " + list);
            for (String v : list) LightGCNConfig.fromMap(Map.of(key, v)); // throws naming the key and value
            copy.put(key, Collections.unmodifiableList(list));
        }
        return new SearchSpace(Collections.unmodifiableMap(copy));
    }

    /**
     * Reads a space written as text; {@code source} (e.g. the file name) is named in errors with the line.
     *
     * @throws IllegalArgumentException for a line that is not {@code key = v1, v2, ...}, or what {@link #of}
     *                                  refuses
     */
    public static SearchSpace parse(String text, String source) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            String where = source + ", line " + (n + 1) + ": ";
            if (eq <= 0) throw new IllegalArgumentException(where + "expected 'key = value, value, ...'");
            String key = line.substring(0, eq).strip();
            if (values.containsKey(key)) throw new IllegalArgumentException(where + key + " is given twice");
            List<String> list = new ArrayList<>();
            for (String v : values(line.substring(eq + 1))) {
                if (v.isBlank()) throw new IllegalArgumentException(where + "an empty value for " + key);
                list.add(v.strip());
            }
            try {
                of(Map.of(key, list));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            values.put(key, list);
        }
        try {
            return of(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The comma-separated values of a line; a comma inside parentheses belongs to its value (a loss spec). */
    private static List<String> values(String text) {
        List<String> values = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (c == ',' && depth == 0) {
                values.add(text.substring(start, i));
                start = i + 1;
            }
        }
        values.add(text.substring(start));
        return values;
    }

    /**
     * The space the command line searches without {@code --space}: learning rate, L2, embedding size, layers and
     * batch size around the values that work on MAL-like and sparse data (162 points).
     */
    public static SearchSpace defaults() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("learningRate", List.of("0.001", "0.005", "0.01"));
        v.put("l2", List.of("1.0E-5", "1.0E-4", "0.001"));
        v.put("embeddingDim", List.of("64", "128", "256"));
        v.put("layers", List.of("1", "2", "3"));
        v.put("batchSize", List.of("2048", "8192"));
        return of(v);
    }

    /** The values tried for each varied key, in the order given. */
    public Map<String, List<String>> values() { return values; }

    /** The number of points (all combinations). */
    public long size() {
        long size = 1;
        for (List<String> list : values.values()) size = Math.multiplyExact(size, list.size());
        return size;
    }

    /**
     * {@code n} distinct points (all of them, when {@code n} is at least {@link #size()}), in a seeded random order:
     * the same seed gives the same points in the same order.
     */
    public List<Map<String, String>> sample(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("the number of points must be >= 1, got " + n);
        long size = size();
        Random random = new Random(seed);
        List<Long> indexes = new ArrayList<>();
        if (n >= size) {
            for (long i = 0; i < size; i++) indexes.add(i);
            Collections.shuffle(indexes, random);
        } else {
            Set<Long> chosen = new LinkedHashSet<>();
            while (chosen.size() < n) chosen.add(Math.floorMod(random.nextLong(), size));
            indexes.addAll(chosen);
        }
        List<Map<String, String>> points = new ArrayList<>();
        for (long index : indexes) points.add(point(index));
        return points;
    }

    /** The point at a mixed-radix index: the last key varies fastest. */
    private Map<String, String> point(long index) {
        List<String> keys = new ArrayList<>(values.keySet());
        String[] chosen = new String[keys.size()];
        for (int k = keys.size() - 1; k >= 0; k--) {
            List<String> list = values.get(keys.get(k));
            chosen[k] = list.get((int) (index % list.size()));
            index /= list.size();
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) p.put(keys.get(k), chosen[k]);
        return Collections.unmodifiableMap(p);
    }

    /** The space as text, in the format {@link #parse} reads. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            sb.append(e.getKey()).append(" = ").append(String.join(", ", e.getValue())).append('\n');
        }
        return sb.toString();
    }
}
