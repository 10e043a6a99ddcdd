package io.github.lightgcn;

import io.github.lightgcn.internal.Arguments;
import io.github.lightgcn.graph.KeyIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a recommendation request asks for: how many items, whether the user's training items are left out, an
 * item filter, an optional set of candidate items, what an unknown user gets, and (for batches) how many threads
 * rank. Immutable; {@link #top(int)} for the defaults, {@link #builder()} for the rest. Keys are resolved against
 * the model when the request runs, so one options object serves any model.
 */
public final class RecommendOptions {

    /** How many items a request returns when not set. */
    public static final int DEFAULT_K = 10;

    private final int k;
    private final boolean excludeTrainingItems;
    private final IntPredicate exclude;       // null: none
    private final int[] candidates;           // one of the three candidate forms, or none
    private final long[] candidateLongKeys;
    private final List<String> candidateKeys;
    private final ColdStartStrategy coldStart;
    private final int threads;
    private final FoldInMethod foldIn;

    private RecommendOptions(Builder b) {
        this.k = b.k;
        this.excludeTrainingItems = b.excludeTrainingItems;
        this.exclude = b.exclude;
        this.candidates = b.candidates;
        this.candidateLongKeys = b.candidateLongKeys;
        this.candidateKeys = b.candidateKeys;
        this.coldStart = b.coldStart;
        this.threads = b.threads;
        this.foldIn = b.foldIn;
    }

    /** The k best items, with every other option at its default. */
    public static RecommendOptions top(int k) { return builder().k(k).build(); }

    /**
     * k {@value #DEFAULT_K}, training items excluded, no filter, all items candidates, {@link ColdStartStrategy#FAIL},
     * all cores, {@link FoldInMethod#PROPAGATION}, until changed.
     */
    public static Builder builder() { return new Builder(); }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.k = k;
        b.excludeTrainingItems = excludeTrainingItems;
        b.exclude = exclude;
        b.candidates = candidates;
        b.candidateLongKeys = candidateLongKeys;
        b.candidateKeys = candidateKeys;
        b.coldStart = coldStart;
        b.threads = threads;
        b.foldIn = foldIn;
        return b;
    }

    public int k() { return k; }

    /** Whether a known user's training items are left out (the default). */
    public boolean excludeTrainingItems() { return excludeTrainingItems; }

    /** The items left out of every list, by index (never null: nothing when no filter was set). */
    public IntPredicate exclude() { return exclude == null ? item -> false : exclude; }

    /** Whether only a set of candidate items may be recommended. */
    public boolean hasCandidates() { return candidates != null || candidateLongKeys != null || candidateKeys != null; }

    public ColdStartStrategy coldStart() { return coldStart; }

    /** The worker threads of a batch request (a single request runs on the caller's thread). */
    public int threads() { return threads; }

    /** How a new user is folded in from their likes ({@link FoldInMethod#PROPAGATION} by default). */
    public FoldInMethod foldIn() { return foldIn; }

    /** The filter as given (null: none). */
    IntPredicate filter() { return exclude; }

    /**
     * The candidate item indexes, ascending and distinct, or null when every item is a candidate.
     *
     * @throws UnknownKeyException      when a candidate key is not one of the model's items
     * @throws IllegalArgumentException when a candidate index is out of range
     */
    int[] candidateIndexes(KeyIndex items) {
        int[] indexes;
        List<String> unknown = new ArrayList<>();
        if (candidates != null) {
            for (int i : candidates) {
                if (i < 0 || i >= items.size()) {
                    throw new IllegalArgumentException("candidate item " + i + " is out of range [0, " + items.size()
                            + ")");
                }
            }
            indexes = candidates.clone();
        } else if (candidateLongKeys != null) {
            indexes = new int[candidateLongKeys.length];
            for (int p = 0; p < indexes.length; p++) {
                indexes[p] = items.indexOf(candidateLongKeys[p]);
                if (indexes[p] < 0) unknown.add(Long.toString(candidateLongKeys[p]));
            }
        } else if (candidateKeys != null) {
            indexes = new int[candidateKeys.size()];
            for (int p = 0; p < indexes.length; p++) {
                indexes[p] = items.indexOf(candidateKeys.get(p));
                if (indexes[p] < 0) unknown.add(candidateKeys.get(p));
            }
        } else {
            return null;
        }
        if (!unknown.isEmpty()) throw KeyLookup.unknown("candidate item", unknown, items, "item");
        return Arrays.stream(indexes).sorted().distinct().toArray();
    }

    @Override
    public String toString() {
        return "RecommendOptions{k=" + k + ", excludeTrainingItems=" + excludeTrainingItems
                + (exclude == null ? "" : ", filter") + (hasCandidates() ? ", candidates" : "") + ", coldStart="
                + coldStart + ", threads=" + threads + ", foldIn=" + foldIn + "}";
    }

    /** Collects and validates the options; {@link #build()} gives the immutable options. */
    public static final class Builder {
        private int k = DEFAULT_K;
        private boolean excludeTrainingItems = true;
        private IntPredicate exclude;
        private int[] candidates;
        private long[] candidateLongKeys;
        private List<String> candidateKeys;
        private ColdStartStrategy coldStart = ColdStartStrategy.FAIL;
        private int threads = Runtime.getRuntime().availableProcessors();
        private FoldInMethod foldIn = FoldInMethod.PROPAGATION;

        private Builder() {}

        /** How many items, k ≥ 1 (fewer come back when fewer items are left). */
        public Builder k(int k) {
            if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
            this.k = k;
            return this;
        }

        /** Whether a known user's training items are left out: true by default; false keeps them. */
        public Builder excludeTrainingItems(boolean exclude) {
            this.excludeTrainingItems = exclude;
            return this;
        }

        /**
         * Items never recommended, by index: {@code exclude.test(item)} true leaves the item out (e.g. a genre or an
         * out-of-stock filter; {@code model.itemKeys()} turns an index into a key). Called on the requesting
         * thread; it must be a pure function of the index, since a batch evaluates it once per item for all its
         * users. Null: no filter.
         */
        public Builder exclude(IntPredicate exclude) {
            this.exclude = exclude;
            return this;
        }

        /** Only these items (by index; repeats ignored) may be recommended. Replaces candidates set before. */
        public Builder candidates(int... itemIndexes) {
            clearCandidates();
            this.candidates = itemIndexes.clone();
            return this;
        }

        /** Only these items (by long key) may be recommended; an unknown key fails the request, naming it. */
        public Builder candidateKeys(long... itemKeys) {
            clearCandidates();
            this.candidateLongKeys = itemKeys.clone();
            return this;
        }

        /** Only these items (by key) may be recommended; an unknown key fails the request, naming it. */
        public Builder candidateKeys(Collection<String> itemKeys) {
            clearCandidates();
            this.candidateKeys = List.copyOf(itemKeys);
            return this;
        }

        /** Every item is a candidate again (the default). */
        public Builder allItems() {
            clearCandidates();
            return this;
        }

        private void clearCandidates() {
            candidates = null;
            candidateLongKeys = null;
            candidateKeys = null;
        }

        /** What a user key the model does not know gets: {@link ColdStartStrategy#FAIL} by default. */
        public Builder coldStart(ColdStartStrategy strategy) {
            if (strategy == null) throw new IllegalArgumentException("coldStart must be FAIL or POPULARITY, got null");
            this.coldStart = strategy;
            return this;
        }

        /** Worker threads of a batch request, in [1, 1024]; all cores by default. */
        public Builder threads(int threads) {
            this.threads = Arguments.inRange("threads", threads, 1, 1024);
            return this;
        }

        /**
         * How a new user is folded in from their likes: {@link FoldInMethod#PROPAGATION} (the fitting-free one-hop
         * formula) by default, {@link FoldInMethod#GRADIENT} to fit the new user's ego embedding. Ignored by other
         * requests.
         */
        public Builder foldIn(FoldInMethod method) {
            if (method == null) throw new IllegalArgumentException("foldIn must be PROPAGATION or GRADIENT, got null");
            this.foldIn = method;
            return this;
        }

        public RecommendOptions build() { return new RecommendOptions(this); }
    }
}
