package io.github.lightgcn;

import io.github.lightgcn.internal.Arguments;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The training objective of a fit, on the final (layer-mean) embeddings of a batch; every option keeps the model
 * LightGCN (the same propagation, the same scores at recommendation time). One of:
 * <ul>
 *   <li>{@link Bpr}: BPR (Rendle et al., UAI 2009), as in the LightGCN paper, with one or more sampled negatives per
 *   positive ({@code bpr(negatives=1)} is the paper's and the default);</li>
 *   <li>{@link SampledSoftmax}: the sampled softmax loss over sampled negatives with a temperature, on dot or cosine
 *   scores (Wu et al., "On the Effectiveness of Sampled Softmax Loss for Item Recommendation", TOIS 2024,
 *   arXiv:2201.02327);</li>
 *   <li>{@link DirectAU}: alignment plus γ times uniformity of the normalised embeddings (Wang et al., "Towards
 *   Representation Alignment and Uniformity in Collaborative Filtering", KDD 2022), without negatives;</li>
 *   <li>{@link ImplicitSquared}: the weighted squared loss of implicit ALS (Hu, Koren and Volinsky, ICDM 2008) on
 *   every (user, item) pair, the unobserved ones included, computed through the items' Gramian (as iALS does;
 *   Rendle et al., "Revisiting the Performance of iALS on Item Recommendation Benchmarks", RecSys 2022).</li>
 * </ul>
 * A loss is written and read as a one-line spec (each record's {@code toString()}, {@link #parse}), e.g.
 * {@code sampled-softmax(negatives=256, temperature=0.1, score=cosine)}; the configuration, model provenance and
 * checkpoints record it so.
 */
public sealed interface Loss permits Loss.Bpr, Loss.SampledSoftmax, Loss.DirectAU, Loss.ImplicitSquared {

    /** How a sampled softmax scores a (user, item) pair. */
    enum Score {
        /** The dot product of the final embeddings (the score the model recommends by). */
        DOT,
        /** The cosine of the final embeddings: the dot product of the normalised rows. */
        COSINE
    }

    /** The default: BPR with one uniform negative per positive, the paper's loss. */
    static Loss paper() { return new Bpr(1); }

    /**
     * The loss's name as its spec writes it, before the parameters: {@code bpr}, {@code sampled-softmax},
     * {@code direct-au} or {@code implicit-squared}; e.g. the label of its term in a training log.
     */
    String name();

    /**
     * BPR with {@code negatives} sampled negatives per positive: the mean of {@code -ln σ(e_u·e_i − e_u·e_j)} over
     * the batch's (user, positive, negative) triples, {@code negatives} triples per positive, with the L2 term of each
     * triple as the paper's. {@code batchSize} counts positives, so a batch holds {@code batchSize · negatives}
     * triples.
     *
     * @param negatives in [1, 1024]
     */
    record Bpr(int negatives) implements Loss {
        /** @throws IllegalArgumentException when {@code negatives} is out of [1, 1024] */
        public Bpr {
            Arguments.inRange("bpr negatives", negatives, 1, 1024);
        }

        @Override
        public String name() { return "bpr"; }

        @Override
        public String toString() { return name() + "(negatives=" + negatives + ")"; }
    }

    /**
     * Sampled softmax (Wu et al., TOIS 2024): for each positive (u, i) of the batch and its {@code negatives}
     * uniform negatives j (never a training item of u), {@code -ln( exp(s(u,i)/τ) / (exp(s(u,i)/τ) + Σ_j exp(s(u,j)/τ)) )},
     * averaged over the batch's positives, with L2 on the ego rows of each positive's user and item (negatives are not
     * regularised). The negatives are drawn per batch.
     *
     * @param negatives   sampled negatives per positive, in [1, 16384]
     * @param temperature τ, in (0, 100]; small values (0.05 to 0.2) with cosine scores are the paper's advice
     * @param score       dot or cosine scores
     */
    record SampledSoftmax(int negatives, double temperature, Score score) implements Loss {
        /** @throws IllegalArgumentException when a parameter is out of range or {@code score} is null */
        public SampledSoftmax {
            Arguments.inRange("sampled-softmax negatives", negatives, 1, 16_384);
            Arguments.inRange("sampled-softmax temperature", temperature, 0, 100, true);
            if (score == null) throw new IllegalArgumentException("sampled-softmax score must be DOT or COSINE, got null");
        }

        @Override
        public String name() { return "sampled-softmax"; }

        @Override
        public String toString() {
            return name() + "(negatives=" + negatives + ", temperature=" + temperature + ", score="
                    + score.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /**
     * DirectAU (Wang et al., KDD 2022) on the normalised final embeddings û, î of the batch:
     * {@code mean_(u,i) ‖û − î‖² + γ · (unif(users) + unif(items)) / 2}, where
     * {@code unif(X) = ln mean_(a<b) exp(−2 ‖x_a − x_b‖²)} over the batch's distinct users (items), with L2 on the ego
     * rows of each positive's user and item. No negatives are sampled.
     *
     * @param gamma the weight γ of uniformity, in [0, 100]
     */
    record DirectAU(double gamma) implements Loss {
        /** @throws IllegalArgumentException when {@code gamma} is out of [0, 100] */
        public DirectAU {
            Arguments.inRange("direct-au gamma", gamma, 0, 100, false);
        }

        @Override
        public String name() { return "direct-au"; }

        @Override
        public String toString() { return name() + "(gamma=" + gamma + ")"; }
    }

    /**
     * The squared loss of implicit ALS on LightGCN's final embeddings: for a batch of B positives (u, i) with
     * distinct users U, on a training graph of E edges,
     * {@code (1/B) Σ_(u,i) (e_u·e_i − 1)² + (w/E) Σ_(u ∈ U) Σ_(j ∈ all items) r_j (e_u·e_j)²}, with L2 on the ego rows
     * of each positive's user and item (per occurrence, like ALS's weighted λ). When every batch holds every user
     * (large batches), an epoch's sum of batch losses is ALS's objective {@code Σ_observed (1 − s)² + w Σ_all pairs s²}
     * divided by E: {@code w = 1/(1+α)} for ALS's confidence weight α (α = 1: w = 0.5). The second term is computed
     * exactly from the d × d Gramian {@code Σ_j r_j e_j e_jᵀ}, so it costs (users + items) · d² per batch whatever the
     * number of items, and needs every item's final row in each step.
     *
     * <p>{@code r_j} weighs item j's unobserved pairs by its popularity, as eALS does (He, Zhang, Kan and Chua,
     * "Fast Matrix Factorization for Online Recommendation with Implicit Feedback", SIGIR 2016):
     * {@code r_j = I · max(1, n_j)^β / Σ_k max(1, n_k)^β} for item degrees n over I items, so that the weights average
     * 1. β = 0 (the default) weighs every item alike, as ALS does; β {@literal >} 0 pushes the scores of popular items
     * a user has not chosen down harder, a missing popular item being stronger evidence of dislike than a missing rare
     * one (eALS's choice, β = 0.5 in its paper); β {@literal <} 0 does the opposite, leaving popular items' scores
     * higher.
     *
     * @param unobservedWeight   w, in [0, 10000]
     * @param popularityExponent β, in [−2, 2]
     */
    record ImplicitSquared(double unobservedWeight, double popularityExponent) implements Loss {
        /** @throws IllegalArgumentException when {@code unobservedWeight} or {@code popularityExponent} is out of range */
        public ImplicitSquared {
            Arguments.inRange("implicit-squared unobserved", unobservedWeight, 0, 10_000, false);
            Arguments.inRange("implicit-squared popularity", popularityExponent, -2, 2, false);
        }

        /** The loss with every item's unobserved pairs weighed alike (β = 0, ALS's). */
        public ImplicitSquared(double unobservedWeight) { this(unobservedWeight, 0); }

        /** The spec; {@code popularity} is written only when it is not 0, so β = 0 reads as it always has. */
        @Override
        public String name() { return "implicit-squared"; }

        @Override
        public String toString() {
            return name() + "(unobserved=" + unobservedWeight
                    + (popularityExponent == 0 ? "" : ", popularity=" + popularityExponent) + ")";
        }
    }

    /**
     * The loss a spec names: {@code bpr(negatives=N)}, {@code sampled-softmax(negatives=N, temperature=T,
     * score=dot|cosine)}, {@code direct-au(gamma=G)} or {@code implicit-squared(unobserved=W, popularity=B)}, as
     * their {@code toString()} writes them; parameters may be left out (then {@code negatives=1};
     * {@code negatives=256, temperature=0.1, score=cosine}; {@code gamma=1}; {@code unobserved=0.5, popularity=0}).
     *
     * @throws IllegalArgumentException when the spec names no loss, an unknown parameter, or a bad value
     */
    static Loss parse(String spec) {
        if (spec == null) throw new IllegalArgumentException("loss must not be null");
        String s = spec.strip();
        int open = s.indexOf('(');
        String name = (open < 0 ? s : s.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> p = new LinkedHashMap<>();
        if (open >= 0) {
            if (!s.endsWith(")")) throw new IllegalArgumentException("loss '" + spec + "' does not end with ')'");
            String inside = s.substring(open + 1, s.length() - 1).strip();
            for (String part : inside.isEmpty() ? new String[0] : inside.split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("loss parameter '" + part.strip() + "' is not name=value");
                p.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        try {
            Loss loss = switch (name) {
                case "bpr" -> new Bpr(Integer.parseInt(take(p, "negatives", "1")));
                case "sampled-softmax" -> new SampledSoftmax(Integer.parseInt(take(p, "negatives", "256")),
                        Double.parseDouble(take(p, "temperature", "0.1")),
                        score(take(p, "score", "cosine")));
                case "direct-au" -> new DirectAU(Double.parseDouble(take(p, "gamma", "1")));
                case "implicit-squared" -> new ImplicitSquared(Double.parseDouble(take(p, "unobserved", "0.5")),
                        Double.parseDouble(take(p, "popularity", "0")));
                default -> throw new IllegalArgumentException("loss '" + name
                        + "' is not one of bpr, sampled-softmax, direct-au, implicit-squared");
            };
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("loss " + name + " has no parameter " + p.keySet());
            }
            return loss;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loss '" + spec + "' has a value that is not a number: "
                    + e.getMessage(), e);
        }
    }

    private static String take(Map<String, String> p, String key, String otherwise) {
        String v = p.remove(key);
        return v == null ? otherwise : v;
    }

    private static Score score(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "dot" -> Score.DOT;
            case "cosine" -> Score.COSINE;
            default -> throw new IllegalArgumentException("sampled-softmax score must be dot or cosine, got '" + v + "'");
        };
    }
}
