package io.github.lightgcn.tune;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.Arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a configuration on validation data only, by successive halving (Jamieson and Talwalkar, "Non-stochastic
 * Best Arm Identification and Hyperparameter Optimization", AISTATS 2016; the rung schedule of Hyperband, Li et al.,
 * JMLR 2018): {@code trials} points of the {@link SearchSpace} train for {@code minEpochs} epochs with early stopping
 * on the validation graph; the best {@code 1/eta} by the base configuration's monitored metric train again with
 * {@code eta} times the epochs, and so on until one is left or the epochs reach the base configuration's. A trial
 * that stopped early keeps its result at the next rung without training again: with the same seed, a larger epoch
 * budget gives the same embeddings, bit for bit.
 *
 * <p>The search is deterministic for a seed, bounded by a time budget (trials not started when it runs out are not
 * run, and the search ends after that rung), and resumable: with a journal file, finished trials are written as they
 * finish and not trained again when the same search is run again. The test data is never seen: evaluate
 * {@link TuningResult#bestModel()} on it once.
 *
 * <pre>{@code
 * TuningResult r = Tuner.builder().space(SearchSpace.defaults()).base(config).trials(27).budgetSeconds(3600)
 *         .build().run(train, validation);
 * Metrics test = r.bestModel().evaluate(testGraph, 20);
 * }</pre>
 */
public final class Tuner {

    private final SearchSpace space;
    private final LightGCNConfig base;
    private final int trials;
    private final int eta;
    private final int minEpochs;
    private final double budgetSeconds;
    private final FitOptions fitOptions;
    private final Path journal;
    private final TuningListener listener;

    private Tuner(Builder b) {
        this.space = b.space;
        this.base = b.base;
        this.trials = b.trials;
        this.eta = b.eta;
        this.minEpochs = Math.min(b.minEpochs, b.base.epochs());
        this.budgetSeconds = b.budgetSeconds;
        this.fitOptions = b.fitOptions;
        this.journal = b.journal;
        this.listener = b.listener;
        if (base.evalEvery() > minEpochs) {
            throw new IllegalArgumentException("the first rung's " + minEpochs + " epochs must include an evaluation:"
                    + " evalEvery (" + base.evalEvery() + ") must be <= minEpochs");
        }
    }

    /** A builder: the default space, the library's default configuration as base, 27 trials, eta 3, 20 epochs. */
    public static Builder builder() { return new Builder(); }

    /** The epoch budget of each rung, the last one being the base configuration's epochs. */
    public List<Integer> rungBudgets() {
        List<Integer> budgets = new ArrayList<>();
        long epochs = minEpochs;
        while (true) {
            budgets.add((int) Math.min(epochs, base.epochs()));
            if (epochs >= base.epochs()) return budgets;
            epochs *= eta;
        }
    }

    /**
     * Runs the search on a training graph, choosing on the validation graph.
     *
     * @throws IOException when the journal cannot be read or written, or belongs to another search
     */
    public TuningResult run(InteractionGraph train, InteractionGraph validation) throws IOException {
        if (validation.numEdges() == 0) throw new IllegalArgumentException("the validation graph has no interaction");
        long started = System.nanoTime();
        List<Map<String, String>> points = space.sample(trials, base.seed());
        List<Integer> budgets = rungBudgets();
        List<Trial> all = new ArrayList<>();
        Map<Integer, Trial> lastRung = new LinkedHashMap<>(); // the results of the last rung that has any
        List<Integer> alive = new ArrayList<>();
        for (int id = 0; id < points.size(); id++) alive.add(id);
        LightGCNModel keptModel = null; // the model of the best trial trained in this run, highest rung first
        Trial kept = null;
        boolean budgetLeft = true;
        try (TuningJournal log = journal == null ? null : TuningJournal.open(journal, identity(points.size()))) {
            for (int rung = 0; rung < budgets.size() && budgetLeft; rung++) {
                int epochs = budgets.get(rung);
                Map<Integer, Trial> results = new LinkedHashMap<>();
                for (int n = 0; n < alive.size() && budgetLeft; n++) {
                    int id = alive.get(n);
                    Trial t = log == null ? null : log.find(id, rung);
                    boolean fromJournal = t != null;
                    Trial before = lastRung.get(id);
                    if (t == null && before != null && before.stopReason() == StopReason.EARLY_STOPPED) {
                        t = carry(before, rung, epochs);
                    } else if (t == null) {
                        double remaining = budgetSeconds - (System.nanoTime() - started) / 1e9;
                        if (remaining <= 0 && !all.isEmpty()) {
                            budgetLeft = false;
                            break;
                        }
                        listener.onTrialStart(id, rung, points.get(id), alive.size() - n - 1);
                        long t0 = System.nanoTime();
                        LightGCNModel model = fit(points.get(id), epochs, Math.max(remaining, 1), train, validation);
                        t = trial(id, rung, points.get(id), epochs, model.trainingSummary(),
                                (System.nanoTime() - t0) / 1e9);
                        if (kept == null || t.rung() > kept.rung() || RANKING.compare(t, kept) < 0) {
                            kept = t;
                            keptModel = model;
                        }
                        if (t.stopReason() == StopReason.TIME_BOUND) budgetLeft = false;
                    }
                    if (log != null && !fromJournal) log.record(t);
                    listener.onTrial(t, fromJournal);
                    results.put(id, t);
                    all.add(t);
                }
                if (results.isEmpty()) break;
                lastRung = results;
                List<Trial> ranked = new ArrayList<>(results.values());
                ranked.sort(RANKING);
                int keep = Math.max(1, (int) Math.ceil(ranked.size() / (double) eta));
                alive = new ArrayList<>();
                for (Trial t : ranked.subList(0, keep)) alive.add(t.id());
                if (alive.size() == 1 && rung + 1 < budgets.size()) {
                    // one configuration left: it goes straight to the full budget
                    budgets = new ArrayList<>(budgets.subList(0, rung + 1));
                    budgets.add(base.epochs());
                }
            }
        }
        List<Trial> ranked = new ArrayList<>(lastRung.values());
        ranked.sort(RANKING);
        Trial best = ranked.get(0);
        int trainedBudget = origin(best, all).epochBudget();
        LightGCNModel bestModel = kept != null && kept.id() == best.id() && kept.epochBudget() == trainedBudget
                ? keptModel
                // read back from the journal, or beaten by a trial of a higher rung: the same seed and settings
                // give the same model again
                : fit(best.params(), trainedBudget, Double.POSITIVE_INFINITY, train, validation);
        return new TuningResult(space, all, best, config(best.params(), best.epochBudget()), bestModel, budgetLeft,
                (System.nanoTime() - started) / 1e9);
    }

    /** The trial whose training a (possibly carried) trial's result comes from: the latest trained one of its id. */
    private static Trial origin(Trial t, List<Trial> all) {
        if (!t.carried()) return t;
        Trial origin = null;
        for (Trial o : all) {
            if (o.id() == t.id() && !o.carried() && o.rung() < t.rung() && (origin == null || o.rung() > origin.rung())) {
                origin = o;
            }
        }
        if (origin == null) throw new IllegalStateException("carried trial " + t.id() + " has no trained origin");
        return origin;
    }

    /** Best first: the higher score, then the lower id (the earlier sampled point), so ties are deterministic. */
    static final Comparator<Trial> RANKING = Comparator.comparingDouble(Trial::score).reversed()
            .thenComparingInt(Trial::id);

    private LightGCNConfig config(Map<String, String> params, int epochs) {
        Map<String, String> values = new LinkedHashMap<>(base.asMap());
        values.putAll(params);
        values.put("epochs", Integer.toString(epochs));
        return LightGCNConfig.fromMap(values);
    }

    private LightGCNModel fit(Map<String, String> params, int epochs, double seconds, InteractionGraph train,
                              InteractionGraph validation) {
        double own = fitOptions.maxTrainingSeconds(); // 0 = none
        double bound = Double.isInfinite(seconds) ? own : own > 0 ? Math.min(own, seconds) : Math.min(seconds, 1e9);
        FitOptions options = fitOptions.toBuilder().maxTrainingSeconds(bound).build();
        return new LightGCN(config(params, epochs)).fit(train, validation, options);
    }

    private Trial trial(int id, int rung, Map<String, String> params, int epochs, TrainingSummary s, double seconds) {
        Metrics v = s.bestEvaluation() != null ? s.bestEvaluation() : s.lastEvaluation();
        if (v == null) throw new IllegalStateException("trial " + id + " was never evaluated");
        return new Trial(id, rung, params, epochs, s.epochsRun(), s.bestEpoch(), s.stopReason(), seconds, false, v,
                v.get(base.monitorMetric(), base.monitorK()));
    }

    private static Trial carry(Trial t, int rung, int epochs) {
        return new Trial(t.id(), rung, t.params(), epochs, t.epochsRun(), t.bestEpoch(), t.stopReason(), 0, true,
                t.validation(), t.score());
    }

    /** What makes a journal belong to this search: a digest of the space, base, sampling and halving settings. */
    private String identity(int points) {
        String text = space + "|" + base.asMap() + "|" + points + "|" + eta + "|" + minEpochs;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** Settings of a {@link Tuner}. */
    public static final class Builder {
        private SearchSpace space = SearchSpace.defaults();
        private LightGCNConfig base = LightGCNConfig.defaults();
        private int trials = 27;
        private int eta = 3;
        private int minEpochs = 20;
        private double budgetSeconds = Double.POSITIVE_INFINITY;
        private FitOptions fitOptions = FitOptions.defaults();
        private Path journal;
        private TuningListener listener = new TuningListener() {};

        private Builder() {}

        /** The configurations to try. */
        public Builder space(SearchSpace v) {
            if (v == null) throw new IllegalArgumentException("space must not be null");
            space = v;
            return this;
        }

        /**
         * Every value the space does not vary: its {@code epochs} is the last rung's budget, its seed seeds the
         * sampling and every trial, its monitor and patience drive early stopping inside each trial.
         */
        public Builder base(LightGCNConfig v) {
            if (v == null) throw new IllegalArgumentException("base must not be null");
            base = v;
            return this;
        }

        /** How many points of the space to try, in [1, 10,000] (all of them when the space is smaller). */
        public Builder trials(int v) { trials = Arguments.inRange("trials", v, 1, 10_000); return this; }

        /** The halving factor: a rung keeps the best 1/eta, with eta times the epochs; in [2, 10]. */
        public Builder eta(int v) { eta = Arguments.inRange("eta", v, 2, 10); return this; }

        /** The first rung's epochs, in [1, 1,000,000] (at most the base's epochs). */
        public Builder minEpochs(int v) { minEpochs = Arguments.inRange("minEpochs", v, 1, 1_000_000); return this; }

        /** The wall-clock budget of the whole search in seconds, &gt; 0 (default: none). */
        public Builder budgetSeconds(double v) {
            if (!(v > 0)) throw new IllegalArgumentException("budgetSeconds must be > 0, got " + v);
            budgetSeconds = v;
            return this;
        }

        /** How each trial runs (threads; its time bound is the budget left). */
        public Builder fitOptions(FitOptions v) {
            if (v == null) throw new IllegalArgumentException("fitOptions must not be null");
            fitOptions = v;
            return this;
        }

        /** A file that records finished trials, so that running the same search again resumes it; null: none. */
        public Builder journal(Path v) { journal = v; return this; }

        /** Sees each trial. */
        public Builder listener(TuningListener v) {
            if (v == null) throw new IllegalArgumentException("listener must not be null");
            listener = v;
            return this;
        }

        /**
         * The tuner.
         *
         * @throws IllegalArgumentException when the base configuration evaluates less often than the first rung
         */
        public Tuner build() { return new Tuner(this); }
    }
}
