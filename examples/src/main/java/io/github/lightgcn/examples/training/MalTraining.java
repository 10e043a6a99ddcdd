package io.github.lightgcn.examples.training;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.examples.cli.CliFailure;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.LoadSummary;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.mal.RatingsCsv;
import io.github.lightgcn.io.split.SplitGraphs;
import io.github.lightgcn.io.split.SplitRatios;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The MAL side of {@code train --anime --ratings} and {@code demo}: load and count, split and say how, then the
 * {@link TrainingPipeline} (early stopping on the validation part, test metrics next to popularity), the model
 * file carrying the anime data. Prints as it goes.
 */
public final class MalTraining {

    /** Where the data comes from and how it is cut. */
    public record Data(Path animeCsv, Path ratingsCsv, RatingOptions ratingOptions, SplitKind split,
                       SplitRatios ratios) {}

    /** What a run produced. */
    public record Result(AnimeModel model, Metrics test, Metrics popularity, TrainingSummary summary, MalDataset data,
                  Split split, double seconds) {}

    private final PrintWriter out;
    private final Progress progress;

    public MalTraining(PrintWriter out, Progress progress) {
        this.out = out;
        this.progress = progress;
    }

    /**
     * @param options       how the fit runs (threads, time bound)
     * @param checkpointing adds checkpointing and resuming to the options (or leaves them as they are)
     * @param modelOut      where to save the model, or null
     * @param curvesPng     where to draw the training curves, or null
     */
    public Result run(Data in, LightGCNConfig config, FitOptions options, UnaryOperator<FitOptions> checkpointing,
               Path modelOut, Path curvesPng) throws IOException {
        long started = System.nanoTime();
        AnimeCatalog catalog = AnimeCsv.read(in.animeCsv());
        print("anime: %,d in %s", catalog.size(), in.animeCsv());
        MalDataset data = RatingsCsv.read(in.ratingsCsv(), catalog, in.ratingOptions());
        LoadSummary load = data.summary();
        print("ratings: %s (%s)", load.describe(), in.ratingsCsv());
        for (String example : load.badRowExamples()) print("  skipped: %s", example);
        print("data: %,d users x %,d anime, %,d interactions", data.numUsers(), data.numAnime(),
                data.numInteractions());

        Split split = in.split().splitter(in.ratios()).split(data.interactions(), config.seed());
        KeyedSplit keyed = KeyedSplit.ofMal(data, split); // keys: the MAL ids, indexes in id order
        SplitGraphs graphs = new SplitGraphs(data.users(), data.anime(), keyed.train().graph(), keyed.val().graph(),
                keyed.test().graph());
        print("split (%s%s, seed %d): train %,d, val %,d, test %,d interactions; %,d val users, %,d test users",
                in.split().label(), in.split() == SplitKind.LOO ? "" : String.format(Locale.ROOT,
                        " %.0f/%.0f/%.0f", 100 * in.ratios().train(), 100 * in.ratios().val(),
                        100 * in.ratios().test()), config.seed(), split.train().size(), split.val().size(),
                split.test().size(), graphs.val().activeUsers(), graphs.test().activeUsers());
        if (graphs.train().numEdges() == 0) throw new CliFailure("the training split has no interaction");
        if (graphs.test().numEdges() == 0) throw new CliFailure("the test split is empty: use a larger --test");
        KeyedInteractions monitor = graphs.val().numEdges() > 0 ? keyed.val() : null;
        if (monitor == null) {
            print("note: the validation split is empty: no early stopping, the last epoch is tested");
            config = config.toBuilder().patience(0).build();
        }
        TrainingPipeline.Data input = new TrainingPipeline.Data(keyed, monitor, "val",
                in.ratingsCsv().getFileName().toString());
        TrainingPipeline.Result run = new TrainingPipeline(out, out, progress, TrainingPipeline.Layout.ANIME).run(
                input, config, checkpointing.apply(options), modelOut,
                (model, file) -> AnimeModel.of(model, catalog).save(file), curvesPng);
        return new Result(AnimeModel.of(run.model(), catalog), run.test(), run.popularity(), run.summary(), data,
                split, (System.nanoTime() - started) / 1e9);
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
