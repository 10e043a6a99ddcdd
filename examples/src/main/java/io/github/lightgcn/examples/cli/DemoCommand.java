package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.examples.training.Defaults;
import io.github.lightgcn.examples.training.MalTraining;
import io.github.lightgcn.examples.training.MetricsReport;
import io.github.lightgcn.examples.training.Progress;
import io.github.lightgcn.examples.training.Recipe;
import io.github.lightgcn.examples.training.SplitKind;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.split.SplitRatios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lightgcn demo}: the whole anime recommender in one command. Trains on the Kaggle files in {@code data/mal}
 * when they are there, else on the real MyAnimeList sample shipped in the jar (generated MAL-shaped data only with
 * {@code --generated}, for scale tests); with early stopping on a validation split, reports test metrics next to
 * popularity, saves the model and the training-curve picture, and shows one real user's history beside their top 5
 * and a new user's top 5 from a few famous titles.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train, evaluate and recommend on MyAnimeList data: data/mal/anime.csv + data/mal/rating.csv "
                + "(the Kaggle files) when present, else the real MyAnimeList sample shipped with lightgcn "
                + "(12,294 anime, 97,470 ratings; CC0); --generated for a generated MAL-shaped data set.",
                "Writes the model, metrics.json and curves.png to the output folder. Adult titles (genre Hentai) "
                        + "are left out of what it shows unless --include-adult."})
final class DemoCommand implements Callable<Integer> {

    /** The repository root, set by the launcher; the working directory otherwise. */
    static Path home() { return Path.of(System.getProperty("lightgcn.home", ".")); }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the Kaggle files anime.csv and "
            + "rating.csv (both must be there). Default: data/mal under the repository root if it has both, else "
            + "the shipped sample.")
    Path dataDir;

    @Option(names = "--generated", description = "Train on a generated MAL-shaped data set (invented titles; "
            + "--interactions says how large) instead.")
    boolean generated;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: out/demo under the repository root.")
    Path outDir;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = Defaults.DEMO_EPOCHS,
            description = "Maximum epochs (early stopping usually ends sooner). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = Defaults.DEMO_MAX_MINUTES,
            description = "Stop training after M minutes; 0 = no bound.")
    double maxMinutes;

    @Option(names = "--interactions", paramLabel = "N", defaultValue = Defaults.DEMO_INTERACTIONS,
            description = "With --generated: the number of generated ratings. Default: ${DEFAULT-VALUE}.")
    long interactions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = Defaults.DEMO_SEED,
            description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    AnimeFilterOptions filterOptions;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Path output = outDir != null ? outDir : home().resolve("out/demo");
        if (generated && (interactions < MalGenerator.MIN_INTERACTIONS || interactions > MalGenerator.MAX_INTERACTIONS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--interactions': must be in "
                    + MalGenerator.MIN_INTERACTIONS + ".." + MalGenerator.MAX_INTERACTIONS + ", got " + interactions);
        }
        if (!generated && spec.commandLine().getParseResult().hasMatchedOption("--interactions")) {
            throw new ParameterException(spec.commandLine(), "--interactions is only used with --generated");
        }
        if (generated && dataDir != null) {
            throw new ParameterException(spec.commandLine(), "--data and --generated exclude each other");
        }
        AnimeFilter filter = filterOptions.filter(spec);
        // the anime mode's recipe, the one chosen on MAL's validation split (BENCHMARKS.md), as train --anime uses it
        LightGCNConfig.Builder c = Recipe.MAL.config().toBuilder().topK(10, 20).seed(seed);
        OptionCheck.check(spec, "--epochs", () -> c.epochs(epochs)); // the same checks and messages as train's
        LightGCNConfig config = c.build();
        FitOptions.Builder f = FitOptions.builder().threads(threads.value(spec));
        OptionCheck.maxMinutes(spec, maxMinutes, f);
        FitOptions run = f.build();
        Path model = output.resolve("model.lgcn"), curves = output.resolve("curves.png");
        Path metrics = output.resolve("metrics.json");
        OutputPaths.of(spec).input("--data", dataDir == null ? null : dataDir.resolve(DemoData.ANIME))
                .input("--data", dataDir == null ? null : dataDir.resolve(DemoData.RATINGS)).folder("--out", output)
                .file("--out", model).file("--out", curves).file("--out", metrics).check();
        Files.createDirectories(output);
        DemoData data = DemoData.choose(dataDir, home().resolve("data/mal"), generated, interactions, seed, output, out);
        MalTraining.Result r = new MalTraining(out, Progress.detect()).run(
                new MalTraining.Data(data.animeCsv(), data.ratingsCsv(), RatingOptions.defaults(), SplitKind.INTERACTION,
                        SplitRatios.DEFAULT), config, run, o -> o, model, curves);
        AtomicFile.write(metrics, "the metrics", MetricsReport.ofMal(r, config, run).render()
                .getBytes(StandardCharsets.UTF_8));
        DemoShowcase showcase = new DemoShowcase(r.model(), filter);
        showcase.showUser(out, showcase.typicalUser());
        showcase.showNewUser(out);
        out.printf(Locale.ROOT, "outputs in %s (model.lgcn, metrics.json, curves.png); demo took %.1f s%n", output,
                (System.nanoTime() - started) / 1e9);
        out.printf("next: ./lightgcn recommend --model %s --likes \"%s\"%n", model,
                data.real() ? "Cowboy Bebop,Steins;Gate" : "<titles you like>");
        out.printf("  or: ./lightgcn recommend --model %s --mal-list <your MyAnimeList export, animelist.xml.gz>%n", model);
        return 0;
    }
}
