package io.github.lightgcn.examples.training;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.Sampling;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Every default of the command line, per mode where the modes differ. The training options' defaults are the
 * library's ({@link LightGCNConfig#defaults()}, {@link FitOptions#defaults()}), handed to picocli as {@code train}'s
 * default value provider, so the command line and the library never disagree and {@code --help} shows the values
 * in effect; the anime mode's own values and the other commands' defaults are the constants below, which the help
 * texts name.
 */
public final class Defaults implements IDefaultValueProvider {

    /**
     * {@code --patience} in the anime mode with {@code --recipe paper}: it always has a validation split to stop
     * early on.
     */
    public static final int ANIME_PATIENCE = 5;

    /** {@code --patience} of the {@code mal} recipe, the anime mode's default (evaluations of 5 epochs). */
    public static final int MAL_RECIPE_PATIENCE = 4;

    /** {@code --val} and {@code --test} in the anime mode: the fractions of the ratings held out. */
    public static final String ANIME_FRACTION = "0.1";

    /** {@code --split} in the anime mode. */
    public static final String ANIME_SPLIT = "interaction";

    /** {@code --index-base} of adj and pairs files. */
    public static final String INDEX_BASE = "0";

    /** {@code --top} of {@code recommend} and {@code similar}. */
    public static final String TOP = "10";

    /** {@code demo}'s {@code --epochs} (early stopping usually ends sooner). */
    public static final String DEMO_EPOCHS = "150";

    /** {@code demo}'s {@code --max-minutes}: no bound. */
    public static final String DEMO_MAX_MINUTES = "0";

    /** {@code demo}'s {@code --interactions}: the generated data set's size when data/mal is absent. */
    public static final String DEMO_INTERACTIONS = "30000";

    /** {@code demo}'s {@code --seed}. */
    public static final String DEMO_SEED = "2020";

    private static final Map<String, String> TRAINING = training(LightGCNConfig.defaults(), FitOptions.defaults());

    private static Map<String, String> training(LightGCNConfig c, FitOptions o) {
        return Map.ofEntries(
                Map.entry("--layers", Integer.toString(c.layers())),
                Map.entry("--dim", Integer.toString(c.embeddingDim())),
                Map.entry("--batch", Integer.toString(c.batchSize())),
                Map.entry("--lr", Double.toString(c.learningRate())),
                Map.entry("--lr-decay", Double.toString(c.learningRateDecay())),
                Map.entry("--l2", Double.toString(c.l2())),
                Map.entry("--epochs", Integer.toString(c.epochs())),
                Map.entry("--eval-every", Integer.toString(c.evalEvery())),
                Map.entry("--patience", Integer.toString(c.patience())), // the split-file mode's
                Map.entry("--sampler", c.sampling() == Sampling.EDGE_UNIFORM ? "edge" : "user"),
                Map.entry("--seed", Long.toString(c.seed())),
                Map.entry("--threads", Integer.toString(o.threads())));
    }

    /** The patience in effect when {@code --patience} is not given. */
    public static int patience(boolean anime) {
        return anime ? ANIME_PATIENCE : LightGCNConfig.defaults().patience();
    }

    /** The cut-offs of the anime mode's test metrics (its table shows @10 and @20). */
    public static int[] animeTopK() { return new int[] {10, 20}; }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? TRAINING.get(option.longestName()) : null;
    }
}
