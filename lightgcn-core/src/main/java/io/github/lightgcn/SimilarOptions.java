package io.github.lightgcn;

import java.util.function.IntPredicate;

/**
 * What a similar-items (or similar-users) request asks for: how many, and which to leave out. The item (or user)
 * asked about is always left out. Immutable; {@link #top(int)} or {@link #builder()}.
 */
public final class SimilarOptions {

    private final int k;
    private final IntPredicate exclude; // null: none

    private SimilarOptions(int k, IntPredicate exclude) {
        this.k = k;
        this.exclude = exclude;
    }

    /** The k most similar, nothing else left out. */
    public static SimilarOptions top(int k) { return builder().k(k).build(); }

    /** k {@value RecommendOptions#DEFAULT_K}, no filter, until changed. */
    public static Builder builder() { return new Builder(); }

    public int k() { return k; }

    /** Left out by index (never null: nothing when no filter was set). */
    public IntPredicate exclude() { return exclude == null ? i -> false : exclude; }

    @Override
    public String toString() { return "SimilarOptions{k=" + k + (exclude == null ? "" : ", filter") + "}"; }

    /** Collects and validates the options. */
    public static final class Builder {
        private int k = RecommendOptions.DEFAULT_K;
        private IntPredicate exclude;

        private Builder() {}

        /** How many, k ≥ 1 (fewer when fewer are left). */
        public Builder k(int k) {
            if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
            this.k = k;
            return this;
        }

        /** Left out, by index: {@code exclude.test(index)} true drops it. Null: no filter. */
        public Builder exclude(IntPredicate exclude) {
            this.exclude = exclude;
            return this;
        }

        public SimilarOptions build() { return new SimilarOptions(k, exclude); }
    }
}
