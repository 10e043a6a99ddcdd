package io.github.lightgcn.internal;

/**
 * The range checks of the API's builders (config, options of fits, queries and evaluations): a value out of range is
 * an IllegalArgumentException naming it and the range. Internal: not exported.
 */
public final class Arguments {

    private Arguments() {}

    /** {@code value} when it is in [min, max]. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** {@code value} when it is in [min, max], or (min, max] with {@code minExclusive}; never NaN. */
    public static double inRange(String name, double value, double min, double max, boolean minExclusive) {
        boolean ok = !Double.isNaN(value) && (minExclusive ? value > min : value >= min) && value <= max;
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + (minExclusive ? "(" : "[") + min + ", "
                    + max + "], got " + value);
        }
        return value;
    }
}
