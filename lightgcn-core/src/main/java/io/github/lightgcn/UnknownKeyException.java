package io.github.lightgcn;

import java.util.List;

/**
 * A user or item key the model does not hold: not in the training data, or a typo. The message names the keys
 * (the first 20 of them); {@link #keys()} has them all.
 */
public final class UnknownKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int NAMED = 20;

    private final String[] keys;

    /**
     * @param what  what the keys should name, e.g. {@code "user"} or {@code "liked item"}
     * @param keys  the unknown keys, as given (long keys in decimal)
     * @param holds what the model holds instead, e.g. {@code "40 users"}
     * @param hint  what to do instead, appended to the message (may be empty)
     */
    UnknownKeyException(String what, List<String> keys, String holds, String hint) {
        super(message(what, keys, holds, hint));
        this.keys = keys.toArray(new String[0]);
    }

    /** {@code n users} or {@code 1 user}. */
    static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    private static String message(String what, List<String> keys, String holds, String hint) {
        StringBuilder sb = new StringBuilder(keys.size() == 1 ? "unknown " + what + " key " : "unknown " + what
                + " keys (" + keys.size() + "): ");
        for (int i = 0; i < Math.min(NAMED, keys.size()); i++) {
            sb.append(i == 0 ? "'" : ", '").append(keys.get(i)).append("'");
        }
        if (keys.size() > NAMED) sb.append(", ...");
        sb.append(": the model holds ").append(holds);
        return hint.isEmpty() ? sb.toString() : sb.append("; ").append(hint).toString();
    }

    /** The unknown keys, as given. */
    public List<String> keys() { return List.of(keys); }
}
