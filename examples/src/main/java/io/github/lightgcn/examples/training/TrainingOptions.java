package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.InputFiles;
import io.github.lightgcn.examples.cli.OptionCheck;
import io.github.lightgcn.examples.cli.ThreadsOption;
import io.github.lightgcn.examples.cli.TrainCommand;
import io.github.lightgcn.examples.cli.TrainingInterrupted;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.Loss;
import io.github.lightgcn.Sampling;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The training options shared by {@code train} (both data modes) as a picocli mixin: the model and optimiser
 * settings, which make the {@link LightGCNConfig} (defaults from {@link Defaults}, i.e. the library's), and
 * how the fit runs, which make its {@link FitOptions}: threads, the time bound and checkpointing.
 */
public final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--recipe", paramLabel = "paper|mal", description = "The settings to start from: paper (He et "
            + "al.'s: BPR, 3 layers, dim 64, lr 1e-3; the default with split files) or mal (chosen on MAL's validation "
            + "split: implicit ALS's squared loss, dim 256, no layer, L2 0.15, lr 0.01 x0.95 per epoch, batch 8192, "
            + "edge sampler, eval every 5, patience 4; the default with --anime/--ratings). Options given override "
            + "it; the defaults below are the paper's.")
    String recipe;

    @Option(names = "--loss", paramLabel = "SPEC", description = "The training loss, e.g. bpr(negatives=4), "
            + "sampled-softmax(negatives=256, temperature=0.1, score=cosine), direct-au(gamma=1), "
            + "implicit-squared(unobserved=0.5, popularity=0). Default: the recipe's (paper: bpr(negatives=1)).")
    String loss;

    @Option(names = "--layers", paramLabel = "K", description = "Propagation layers. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--dim", paramLabel = "D", description = "Embedding dimension. Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--batch", paramLabel = "B", description = "Triples per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--lr-decay", paramLabel = "GAMMA", description = "Learning-rate schedule: each epoch's rate is "
            + "the previous one's times GAMMA, in (0, 1]; 1 keeps it constant. Default: ${DEFAULT-VALUE}.")
    double lrDecay;

    @Option(names = "--l2", paramLabel = "LAMBDA",
            description = "L2 weight on the batch's ego embeddings. Default: ${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--eval-every", paramLabel = "N",
            description = "Evaluate every N epochs (and after the last). Default: ${DEFAULT-VALUE}.")
    int evalEvery;

    @Option(names = "--patience", paramLabel = "P",
            description = "Stop after P evaluations on the validation split without NDCG@20 improvement; "
                    + "0 = never. Default: ${DEFAULT-VALUE} with split files, " + Defaults.MAL_RECIPE_PATIENCE
                    + " with --anime/--ratings. (" + Defaults.ANIME_PATIENCE + " with --anime --recipe paper.)")
    int patience;

    @Option(names = "--sampler", paramLabel = "user|edge", converter = TrainCommand.SamplerConverter.class,
            description = "user: the authors' user-uniform sampler; edge: every edge once per epoch. "
                    + "Default: ${DEFAULT-VALUE}.")
    Sampling sampler;

    @Option(names = "--seed", paramLabel = "S",
            description = "Random seed (of training and of the MAL split). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--max-minutes", paramLabel = "M",
            description = "Stop training after M minutes (the model keeps the best epoch so far); 0 = no bound.")
    double maxMinutes;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Save a checkpoint every N epochs (and when stopped by time or Ctrl-C).")
    Integer checkpointEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "The checkpoint file. Default: the model file + '.ckpt', else lightgcn.ckpt.")
    Path checkpointFile;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in this checkpoint (same data and settings).")
    Path resume;

    /** The checkpoint file of the run once {@link #configure} has set it up, else null. */
    Path checkpointInUse;

    /**
     * The message for a run stopped by Ctrl-C after {@code epochs} finished epochs: where it can be resumed, or
     * that it cannot be without checkpointing.
     */
    public TrainingInterrupted interrupted(int epochs) {
        return new TrainingInterrupted(epochs, checkpointInUse != null
                ? "stopped after epoch " + epochs + " (and the batches since); checkpoint saved to " + checkpointInUse
                        + ": run the same command with --resume " + checkpointInUse + " to continue"
                : "stopped after epoch " + epochs + "; no checkpoint was kept (use --checkpoint-every N to be able"
                        + " to resume)");
    }

    /** The configuration from {@code --recipe} (else the paper's) and the options given; see {@link #config(Recipe, int...)}. */
    public LightGCNConfig config(int... topK) { return config(Recipe.PAPER, topK); }

    /**
     * The configuration: {@code --recipe}'s (else {@code fallback}'s), with every option given on the command line
     * over it; a value out of range is a usage error naming the option. The options of {@link #fitOptions()} are
     * checked here too, so that every bad value is reported before any data is read.
     */
    public LightGCNConfig config(Recipe fallback, int... topK) {
        LightGCNConfig.Builder b = recipe(fallback).config().toBuilder();
        given("--layers", () -> b.layers(layers));
        given("--dim", () -> b.embeddingDim(dim));
        given("--batch", () -> b.batchSize(batch));
        given("--lr", () -> b.learningRate(lr));
        given("--lr-decay", () -> b.learningRateDecay(lrDecay));
        given("--l2", () -> b.l2(l2));
        given("--epochs", () -> b.epochs(epochs));
        given("--eval-every", () -> b.evalEvery(evalEvery));
        given("--patience", () -> b.patience(patience));
        given("--sampler", () -> b.sampling(sampler));
        given("--seed", () -> b.seed(seed));
        given("--loss", () -> b.loss(Loss.parse(loss)));
        fitOptions();
        if (topK.length > 0) b.topK(topK);
        return b.build();
    }

    /** The recipe of {@code --recipe}, else {@code fallback}. */
    public Recipe recipe(Recipe fallback) {
        if (recipe == null) return fallback;
        try {
            return Recipe.of(recipe);
        } catch (IllegalArgumentException e) {
            throw usage("Invalid value for option '--recipe': " + e.getMessage());
        }
    }

    /** Applies an option that was given (a default leaves the recipe's value). */
    private void given(String name, Runnable set) {
        if (spec.commandLine().getParseResult().hasMatchedOption(name)) option(name, set);
    }

    /** How the fit runs: threads and the time bound (a value out of range is a usage error naming the option). */
    public FitOptions fitOptions() {
        FitOptions.Builder b = FitOptions.builder();
        b.threads(threads.value(spec));
        OptionCheck.maxMinutes(spec, maxMinutes, b);
        return b.build();
    }

    /** Adds checkpointing and resuming to {@code options}; {@code modelOut} (or null) names the default checkpoint. */
    public FitOptions configure(FitOptions options, Path modelOut) {
        FitOptions.Builder b = options.toBuilder();
        if (checkpointEvery != null) {
            Path file = checkpointPath(modelOut);
            checkpointInUse = file;
            option("--checkpoint-every", () -> b.checkpointEvery(checkpointEvery, file));
        } else if (checkpointFile != null) {
            throw usage("--checkpoint needs --checkpoint-every");
        }
        if (resume != null) {
            InputFiles.require("--resume", resume);
            b.resumeFrom(resume);
        }
        return b.build();
    }

    /** The {@code --resume} checkpoint, or null. */
    public Path resumeFile() { return resume; }

    /** The checkpoint file a run with these options writes ({@code modelOut} may be null), or null for none. */
    public Path checkpointPath(Path modelOut) {
        if (checkpointEvery == null) return null;
        return checkpointFile != null ? checkpointFile
                : modelOut != null ? Path.of(modelOut + ".ckpt") : Path.of("lightgcn.ckpt");
    }

    private void option(String name, Runnable set) { OptionCheck.check(spec, name, set); }

    public ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The configuration line the commands print before training. */
    public static String describe(LightGCNConfig c, FitOptions o) {
        return String.format(Locale.ROOT, "layers %d, dim %d, batch %d, lr %s, l2 %s, epochs %d, eval every %d, "
                        + "patience %d, monitor %s@%d, sampler %s, seed %d, threads %d, loss %s", c.layers(),
                c.embeddingDim(), c.batchSize(), c.learningRate()
                        + (c.learningRateDecay() == 1 ? "" : " x" + c.learningRateDecay() + " per epoch"), c.l2(),
                c.epochs(), c.evalEvery(), c.patience(),
                c.monitorMetric().label(), c.monitorK(), TrainCommand.SamplerConverter.label(c.sampling()), c.seed(),
                o.threads(), c.loss());
    }
}
