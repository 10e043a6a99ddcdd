package io.github.lightgcn.examples.cli;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.examples.training.Defaults;
import io.github.lightgcn.examples.training.MetricsReport;
import io.github.lightgcn.examples.training.TrainOptionNames;
import io.github.lightgcn.examples.training.TrainingOptions;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.tune.SearchSpace;
import io.github.lightgcn.tune.Trial;
import io.github.lightgcn.tune.Tuner;
import io.github.lightgcn.tune.TuningListener;
import io.github.lightgcn.tune.TuningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code lightgcn tune}: chooses a configuration on the validation file by successive halving (the library's
 * {@link Tuner}), then evaluates the chosen one on the test file once. Writes the trials (JSON, Markdown), the best
 * configuration as train options and as a properties file, and a journal that lets the same command resume.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = Defaults.class,
        description = {"Choose LightGCN's settings on a validation file: successive halving over a search space "
                + "(--trials configurations train --min-epochs epochs with early stopping on --val, the best 1/eta "
                + "train eta times longer, up to --epochs), within --budget-minutes. The test file, if given, is "
                + "evaluated once, for the chosen configuration only.",
                "Run the same command again with the same --out to resume an interrupted search."},
        footer = {"", "Example:", "  lightgcn tune --train train.csv --val val.csv --test test.csv --format csv \\",
                "      --budget-minutes 30 --trials 27 --out tune-out"})
final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training interactions.")
    Path train;

    @Option(names = "--val", required = true, paramLabel = "FILE", description = "Validation interactions: the "
            + "search sees only these.")
    Path val;

    @Option(names = "--test", paramLabel = "FILE", description = "Test interactions, evaluated once for the chosen "
            + "configuration.")
    Path test;

    @Option(names = "--format", required = true, paramLabel = "adj|pairs|csv",
            converter = TrainCommand.FormatConverter.class, description = "The files' format.")
    DataFormat format;

    @Option(names = "--index-base", paramLabel = "0|1", defaultValue = Defaults.INDEX_BASE,
            description = "First id of adj and pairs files. Default: ${DEFAULT-VALUE}.")
    int indexBase;

    @Option(names = "--budget-minutes", required = true, paramLabel = "M",
            description = "Wall-clock budget of the search; trials not started when it runs out are not run.")
    double budgetMinutes;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "27",
            description = "Configurations sampled from the space (all when it is smaller). Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--eta", paramLabel = "E", defaultValue = "3",
            description = "Each rung keeps the best 1/E, trained E times longer. Default: ${DEFAULT-VALUE}.")
    int eta;

    @Option(names = "--min-epochs", paramLabel = "N", defaultValue = "20",
            description = "Epochs of the first rung. Default: ${DEFAULT-VALUE}.")
    int minEpochs;

    @Option(names = "--space", paramLabel = "FILE", description = "The search space, one 'key = v1, v2, ...' per "
            + "line (keys of the library's configuration, e.g. learningRate, l2, embeddingDim, layers, batchSize). "
            + "Default: learningRate 0.001/0.005/0.01, l2 1e-5/1e-4/1e-3, embeddingDim 64/128/256, layers 1/2/3, "
            + "batchSize 2048/8192.")
    Path spaceFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tune-out",
            description = "Folder for trials.json, trials.md, best-config.properties and the journal that resumes "
                    + "the search. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--metrics-json", paramLabel = "FILE", description = "Write the chosen configuration's test "
            + "metrics (the keys of train --metrics-json, plus the tuning).")
    Path metricsJson;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() throws IOException {
        if (!(budgetMinutes > 0) || budgetMinutes > 1e6) {
            throw training.usage("Invalid value for option '--budget-minutes': must be in (0, 1000000], got "
                    + budgetMinutes);
        }
        for (String notHere : new String[] {"--checkpoint-every", "--checkpoint", "--resume", "--max-minutes"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(notHere)) {
                throw training.usage(notHere + " does not apply to tune: --budget-minutes bounds it, and running the "
                        + "same command again resumes it");
            }
        }
        LightGCNConfig base = training.config();
        if (!spec.commandLine().getParseResult().hasMatchedOption("--patience")) {
            base = base.toBuilder().patience(Defaults.patience(true)).build(); // early stopping inside each trial
        }
        FitOptions fit = training.fitOptions();
        // the options first (SharedOptionsTest), then the files
        InputFiles.require("--train", train);
        InputFiles.require("--val", val);
        if (test != null) InputFiles.require("--test", test);
        if (spaceFile != null) InputFiles.require("--space", spaceFile);
        Tuner tuner;
        SearchSpace space;
        try {
            space = spaceFile == null ? SearchSpace.defaults()
                    : SearchSpace.parse(Files.readString(spaceFile, StandardCharsets.UTF_8), spaceFile.toString());
            tuner = Tuner.builder().space(space).base(base).trials(trials).eta(eta).minEpochs(minEpochs)
                    .budgetSeconds(budgetMinutes * 60).fitOptions(fit).journal(out.resolve("trials.journal"))
                    .listener(new Printer(spec.commandLine().getOut())).build();
        } catch (IllegalArgumentException e) {
            throw training.usage(e.getMessage());
        }
        OutputPaths.of(spec).input("--train", train).input("--val", val).input("--test", test).input("--space",
                spaceFile).file("--metrics-json", metricsJson).folder("--out", out).check();
        PrintWriter pw = spec.commandLine().getOut();
        InteractionSplit data = test == null
                ? SplitReader.read(new ReadOptions(format, indexBase, 0, 0), train, null, val)
                : SplitReader.read(new ReadOptions(format, indexBase, 0, 0), train, val, test);
        print(pw, "data: " + data.summary());
        var validation = test == null ? data.test() : data.validation().orElseThrow();
        print(pw, String.format(Locale.ROOT, "search: %d of the space's %d configurations, rungs of %s epochs (eta %d),"
                        + " budget %.1f min, base: %s", Math.min(trials, space.size()), space.size(),
                tuner.rungBudgets(), eta, budgetMinutes, TrainingOptions.describe(base, fit)));
        TuningResult result = tuner.run(data.train(), validation);

        Files.createDirectories(out);
        AtomicFile.write(out.resolve("trials.json"), "the trials", result.toJson().getBytes(StandardCharsets.UTF_8));
        int k = base.monitorK();
        AtomicFile.write(out.resolve("trials.md"), "the trials", result.toMarkdown(k).getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(out.resolve("best-config.properties"), "the best configuration",
                properties(result.bestConfig()).getBytes(StandardCharsets.UTF_8));
        List<String> withoutOption = new ArrayList<>();
        String options = TrainOptionNames.options(result.bestConfig(), bestKeys(space), withoutOption);
        Trial best = result.best();
        print(pw, String.format(Locale.ROOT, "%s: best trial %d (rung %d): val %s@%d %.5f, recall@%d %.5f, in %.1f s",
                result.finished() ? "search finished" : "budget used up", best.id(), best.rung(),
                base.monitorMetric().label(), k, best.score(), k, best.validation().recall(k), result.seconds()));
        print(pw, "best options: " + options + (withoutOption.isEmpty() ? "" : " (and, with no train option: "
                + String.join(", ", withoutOption) + ")"));
        print(pw, "trials in " + out.resolve("trials.md") + " and trials.json; configuration in "
                + out.resolve("best-config.properties"));
        if (test != null) {
            LightGCNModel model = result.bestModel();
            EvaluationOptions eval = EvaluationOptions.builder().ks(base.topK()).threads(fit.threads()).build();
            Metrics tested = model.evaluate(data.test(), eval), popularity = model.evaluatePopularity(data.test(), eval);
            print(pw, "test (once, chosen configuration): " + tested.format() + "  (" + tested.numUsers() + " users)");
            print(pw, "popularity on test: " + popularity.format());
            if (metricsJson != null) {
                var summary = model.trainingSummary();
                double bestValue = summary.bestEvaluation().get(base.monitorMetric(), k);
                var monitored = new TrainingListener.EvaluationStats(summary.bestEpoch(), summary.bestEvaluation(), 0,
                        bestValue, true, summary.bestEpoch(), bestValue, 0);
                Json json = MetricsReport.of(tested, true, summary, monitored, base.monitorMetric().label() + "@" + k,
                        popularity, data, result.bestConfig(), fit, result.seconds())
                        .put("tuning", new Json().put("best_trial", best.id()).put("rung", best.rung())
                                .put("validation_score", best.score()).put("options", options)
                                .put("trials", result.trials().size()).put("finished", result.finished()));
                AtomicFile.write(metricsJson, "the metrics", json.render().getBytes(StandardCharsets.UTF_8));
                print(pw, "metrics written to " + metricsJson);
            }
        } else if (metricsJson != null) {
            throw new CliFailure("--metrics-json needs --test: it holds the chosen configuration's test metrics");
        }
        return 0;
    }

    private static List<String> bestKeys(SearchSpace space) {
        List<String> keys = new ArrayList<>(space.values().keySet());
        keys.add("epochs");
        keys.add("patience");
        keys.add("evalEvery");
        keys.add("seed");
        return keys;
    }

    private static String properties(LightGCNConfig config) {
        return "# the configuration chosen by lightgcn tune (LightGCNConfig.fromMap reads it back)\n"
                + config.asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** One line per trial. */
    private static final class Printer implements TuningListener {
        private final PrintWriter out;

        Printer(PrintWriter out) { this.out = out; }

        @Override
        public void onTrial(Trial t, boolean fromJournal) {
            String params = t.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            print(out, String.format(Locale.ROOT, "trial %3d rung %d (%d epochs) %-70s score %.5f  %s", t.id(), t.rung(),
                    t.epochBudget(), params, t.score(), fromJournal ? "(from the journal)" : t.carried()
                            ? "(stopped early before: carried)" : String.format(Locale.ROOT, "%s at epoch %d, best %d, "
                            + "%.1f s", t.stopReason().label(), t.epochsRun(), t.bestEpoch(), t.seconds())));
        }
    }
}
