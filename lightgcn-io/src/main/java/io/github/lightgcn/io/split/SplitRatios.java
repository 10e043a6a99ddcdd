package io.github.lightgcn.io.split;

/** Fractions of train, validation and test; each in [0, 1], train > 0, summing to 1. */
public record SplitRatios(double train, double val, double test) {

    /** 80 / 10 / 10, the fixed split's ratios. */
    public static final SplitRatios DEFAULT = new SplitRatios(0.8, 0.1, 0.1);

    /** @throws IllegalArgumentException for a ratio outside [0, 1], a zero train ratio, or a sum other than 1 */
    public SplitRatios {
        check("train", train);
        check("val", val);
        check("test", test);
        if (train == 0) throw new IllegalArgumentException("train ratio must be > 0");
        if (Math.abs(train + val + test - 1) > 1e-9) {
            throw new IllegalArgumentException("ratios must sum to 1, got " + train + " + " + val + " + " + test);
        }
    }

    private static void check(String name, double r) {
        if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException(name + " ratio must be in [0, 1], got " + r);
    }
}
