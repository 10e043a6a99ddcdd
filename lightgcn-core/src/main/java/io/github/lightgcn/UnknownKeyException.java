package io.github.lightgcn;

import java.util.List;

/**
 * A user or item key the model does not hold: not in the training data, or a typo. The message names the keys
 * (the first 20 of them); {@link #keys()} has them all.
 */
public final class UnknownKeyException extends IllegalArgumentException {

    private static final int NAMED = 20;

    private final List<String> keys; // List.copyOf: immutable and serializable

    /**
     * @param what  what the keys should name, e.g. {@code "user"} or {@code "item"}
     * @param keys  the unknown keys, as given (long keys in decimal)
     * @param known how many keys of that kind the model holds
     * @param hint  what to do instead, appended to the message (may be empty)
     */
    UnknownKeyException(String what, List<String> keys, int known, String hint) {
        super(message(what, keys, known, hint));
        this.keys = List.copyOf(keys);
    }

    private static String message(String what, List<String> keys, int known, String hint) {
        StringBuilder sb = new StringBuilder(keys.size() == 1 ? "unknown " + what + " key " : "unknown " + what
                + " keys (" + keys.size() + "): ");
        for (int i = 0; i < Math.min(NAMED, keys.size()); i++) sb.append(i == 0 ? "'" : ", '").append(keys.get(i)).append("'");
        if (keys.size() > NAMED) sb.append(", ...");
        sb.append(": the model holds ").append(known).append(' ').append(what).append(known == 1 ? "" : "s");
        return hint.isEmpty() ? sb.toString() : sb.append("; ").append(hint).toString();
    }

    /** The unknown keys, as given. */
    public List<String> keys() { return keys; }
}
