package io.github.lightgcn.eval;

import io.github.lightgcn.internal.Arguments;
import java.util.Arrays;

/**
 * How to run a full-ranking evaluation: the cut-offs K (what is measured) and how it runs (threads, users per
 * block, a progress listener), none of which changes the result. Immutable; build with {@link #builder()} or
 * take {@link #atK(int...)}.
 */
public final class EvaluationOptions {

    /** The users ranked together by one task when not set: enough to amortise a pass over the items. */
    public static final int DEFAULT_BLOCK_SIZE = 256;

    private final int[] ks;
    private final int threads;
    private final int blockSize;
    private final EvaluationListener listener;

    private EvaluationOptions(Builder b) {
        this.ks = b.ks;
        this.threads = b.threads;
        this.blockSize = b.blockSize;
        this.listener = b.listener;
    }

    /** The cut-offs, defaults for the rest. */
    public static EvaluationOptions atK(int... ks) { return builder().ks(ks).build(); }

    /** K = 20 on all cores, blocks of {@value #DEFAULT_BLOCK_SIZE}, no listener, until changed. */
    public static Builder builder() { return new Builder(); }

    /** The cut-offs, ascending and distinct. */
    public int[] ks() { return ks.clone(); }

    public int threads() { return threads; }

    public int blockSize() { return blockSize; }

    /** The progress listener, or null. */
    public EvaluationListener listener() { return listener; }

    @Override
    public String toString() {
        return "EvaluationOptions{ks=" + Arrays.toString(ks) + ", threads=" + threads + ", blockSize=" + blockSize
                + (listener == null ? "" : ", listener") + "}";
    }

    /** Collects and validates the options; {@link #build()} gives the immutable options. */
    public static final class Builder {
        private int[] ks = {20};
        private int threads = Runtime.getRuntime().availableProcessors();
        private int blockSize = DEFAULT_BLOCK_SIZE;
        private EvaluationListener listener;

        private Builder() {}

        /** The cut-offs K, each in [1, 2^31 - 1], at least one (sorted and deduplicated). */
        public Builder ks(int... ks) {
            if (ks == null || ks.length == 0) throw new IllegalArgumentException("ks must hold at least one K");
            int[] sorted = Arrays.stream(ks).sorted().distinct().toArray();
            if (sorted[0] < 1) throw new IllegalArgumentException("every K must be >= 1, got " + sorted[0]);
            this.ks = sorted;
            return this;
        }

        /** Worker threads, in [1, 1024]. */
        public Builder threads(int threads) {
            this.threads = Arguments.inRange("threads", threads, 1, 1024);
            return this;
        }

        /** Users ranked together by one task, in [1, 65536]. */
        public Builder blockSize(int blockSize) {
            this.blockSize = Arguments.inRange("blockSize", blockSize, 1, 65_536);
            return this;
        }

        /** Hears the progress (null: nobody). */
        public Builder listener(EvaluationListener listener) {
            this.listener = listener;
            return this;
        }

        public EvaluationOptions build() { return new EvaluationOptions(this); }
    }
}
