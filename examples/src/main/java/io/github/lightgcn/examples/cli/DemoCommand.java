package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.examples.training.Defaults;
import io.github.lightgcn.examples.training.MalTraining;
import io.github.lightgcn.examples.training.MetricsReport;
import io.github.lightgcn.examples.training.Progress;
import io.github.lightgcn.examples.training.SplitKind;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.split.SplitRatios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code lightgcn demo}: the whole anime recommender in one command. Uses the Kaggle files in {@code data/mal}
 * when they are there, else generates a MAL-shaped data set (seeded, sized to finish in well under a minute on
 * two cores); then trains with early stopping on a validation split, reports test metrics next to popularity,
 * saves the model and the training-curve picture, and shows the top 5 anime for one user.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train, evaluate and recommend on MyAnimeList data: data/mal/anime.csv + data/mal/rating.csv "
                + "(the Kaggle files) when present, else a generated MAL-shaped data set.",
                "Writes the model, metrics.json and curves.png to the output folder."})
final class DemoCommand implements Callable<Integer> {

    /** The repository root, set by the launcher; the working directory otherwise. */
    static Path home() { return Path.of(System.getProperty("lightgcn.home", ".")); }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with anime.csv and rating.csv. Default: data/mal under the repository root.")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: out/demo under the repository root.")
    Path outDir;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = Defaults.DEMO_EPOCHS,
            description = "Maximum epochs (early stopping usually ends sooner). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = Defaults.DEMO_MAX_MINUTES,
            description = "Stop training after M minutes; 0 = no bound.")
    double maxMinutes;

    @Option(names = "--interactions", paramLabel = "N", defaultValue = Defaults.DEMO_INTERACTIONS,
            description = "Size of the generated data set (when data/mal is absent). Default: ${DEFAULT-VALUE}.")
    long interactions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = Defaults.DEMO_SEED,
            description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads. Default: the cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDir != null ? dataDir : home().resolve("data/mal");
        Path output = outDir != null ? outDir : home().resolve("out/demo");
        Files.createDirectories(output);
        Path anime = data.resolve("anime.csv"), ratings = data.resolve("rating.csv");
        if (!Files.isRegularFile(anime) || !Files.isRegularFile(ratings)) {
            if (interactions < MalGenerator.MIN_INTERACTIONS || interactions > MalGenerator.MAX_INTERACTIONS) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--interactions': must be in "
                        + MalGenerator.MIN_INTERACTIONS + ".." + MalGenerator.MAX_INTERACTIONS + ", got " + interactions);
            }
            GeneratedData g = MalGenerator.generate(output.resolve("data"), interactions, seed);
            out.printf(Locale.ROOT, "no %s and %s: using a generated MAL-shaped data set (%,d ratings, %,d users, "
                    + "%,d anime) in %s%n", anime, ratings, g.interactions(), g.users(), g.anime(), g.animeCsv().getParent());
            anime = g.animeCsv();
            ratings = g.ratingsCsv();
        }
        LightGCNConfig config;
        FitOptions run;
        try {
            config = LightGCNConfig.builder().layers(3).embeddingDim(64).learningRate(0.01).l2(1e-4)
                    .batchSize(2048).epochs(epochs).evalEvery(5).patience(2).topK(10, 20).seed(seed).build();
            run = FitOptions.builder().threads(threads).maxTrainingSeconds(maxMinutes * 60).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value: " + e.getMessage());
        }
        Path model = output.resolve("model.lgcn"), curves = output.resolve("curves.png");
        MalTraining.Result r = new MalTraining(out, Progress.detect()).run(
                new MalTraining.Data(anime, ratings, RatingOptions.defaults(), SplitKind.INTERACTION,
                        SplitRatios.DEFAULT), config, run, o -> o, model, curves);
        Files.writeString(output.resolve("metrics.json"), MetricsReport.ofMal(r, config, run).render());
        showOneUser(out, r.model());
        out.printf(Locale.ROOT, "outputs in %s (model.lgcn, metrics.json, curves.png); demo took %.1f s%n", output,
                (System.nanoTime() - started) / 1e9);
        out.printf("next: ./lightgcn recommend --model %s --likes \"<titles you like>\"%n", model);
        return 0;
    }

    /** The top 5 for a typical user: the first (by id) with at least 20 training anime. */
    private static void showOneUser(PrintWriter out, AnimeModel model) {
        InteractionGraph train = model.model().trainGraph();
        int user = 0;
        for (int u = 0; u < train.numUsers(); u++) {
            if (train.userDegree(u) >= 20) {
                user = u;
                break;
            }
        }
        int[] seen = train.itemsOf(user);
        int[] bySize = Arrays.stream(seen).boxed().sorted((a, b) -> Integer.compare(train.itemDegree(b),
                train.itemDegree(a))).mapToInt(Integer::intValue).limit(3).toArray();
        out.printf(Locale.ROOT, "top 5 for user %d, who watched %d anime (e.g. %s):%n", model.users().originalId(user),
                seen.length, Arrays.stream(bySize).mapToObj(i -> model.info(i).title()).collect(Collectors.joining(", ")));
        TextTable table = new TextTable(">rank", "title:50", "genres");
        List<ScoredItem> top = model.model().recommendByIndex(user, RecommendOptions.top(5));
        int rank = 0;
        for (ScoredItem s : top) table.row(++rank, model.info(s.item()).title(), String.join(", ", model.info(s.item()).genres()));
        table.print(out);
    }
}
