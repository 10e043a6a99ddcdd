package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark MLlib's implicit ALS on one of the shared splits, tuned on validation and scored by lightgcn's own
 * evaluator, so that ALS and LightGCN compare like with like (see {@code ../shared/reference/ALS.md} for the
 * protocol): every grid point is fitted on the training part and scored on validation by NDCG@20; the best one is
 * fitted on the whole train and scored once on test, beside the popularity baseline of the same evaluator (on MAL
 * 0.14730 / 0.11867, the check that the evaluation is ours). Prints a Markdown table of every point and the test
 * figures, and writes them as JSON with {@code --out}. Options: {@link AlsOptions}.
 *
 * <p>Spark 4 runs on Java 17 or 21: {@code java -jar lightgcn-bench-als/target/lightgcn-bench-als.jar} (the
 * manifest opens to Spark what its launcher opens). BENCHMARKS.md, "ALS baseline", has the commands.
 */
public final class AlsBenchmark {

    /** The cut-off of every figure (recall@20, NDCG@20). */
    static final int K = 20;

    private final AlsOptions options;
    private final PrintStream out;

    AlsBenchmark(AlsOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark; a bad option or an unreadable file is one line on stderr and exit status 2 or 1. */
    public static void main(String[] args) {
        AlsOptions options;
        try {
            options = AlsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lightgcn-bench-als: " + e.getMessage());
            System.err.println(AlsOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            if (options.writeSplit() != null) {
                BenchSplit split = BenchSplit.load(options.split(), options.shared(), options.seed());
                out.println(split.summary());
                for (var file : SplitFiles.write(split, options.writeSplit())) out.println("wrote " + file);
                return;
            }
            checkOut(options.out());
            AlsReport report = new AlsBenchmark(options, out).run();
            out.println();
            out.print(report.markdown());
            if (options.out() != null) {
                Files.writeString(options.out(), report.json(), StandardCharsets.UTF_8);
                out.println("\nwrote " + options.out());
            }
        } catch (IOException e) {
            System.err.println("lightgcn-bench-als: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The JSON file's folder must exist: found out before the grid, not an hour later. */
    static void checkOut(Path out) throws IOException {
        Path parent = out == null ? null : out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("--out " + out + ": the folder " + parent + " does not exist");
        }
    }

    AlsReport run() throws IOException {
        BenchSplit split = BenchSplit.load(options.split(), options.shared(), options.seed());
        out.println(split.summary());
        EvaluationOptions eval = EvaluationOptions.atK(K);
        Metrics valPopularity = PopularityBaseline.evaluate(split.fitTrain(), split.validation(), eval);
        Metrics testPopularity = PopularityBaseline.evaluate(split.train(), split.test(), eval);
        out.printf(Locale.ROOT, "popularity: validation %s / %s, test %s / %s (recall / NDCG @%d)%n",
                AlsReport.f5(valPopularity.recall(K)), AlsReport.f5(valPopularity.ndcg(K)),
                AlsReport.f5(testPopularity.recall(K)), AlsReport.f5(testPopularity.ndcg(K)), K);

        try (SparkAls als = new SparkAls(options.master(), options.maxIter(), options.seed())) {
            Map<String, String> environment = environment(als);
            out.println("environment: " + environment);
            boolean sameTrain = split.fitTrain() == split.train();
            Dataset<Row> gridRatings = als.ratings(split.fitTrain());
            Factors[] best = new Factors[1];
            double[] bestScore = {Double.NEGATIVE_INFINITY};
            List<GridResult> grid = AlsGrid.search(options.grid(), options.split(), p -> {
                SparkAls.Fit fit = als.fit(gridRatings, split.train().numUsers(), split.train().numItems(), p);
                Metrics val = fit.factors().evaluate(split.fitTrain(), split.validation(), eval, settings(p));
                GridResult r = new GridResult(p, val, fit.seconds());
                if (sameTrain && r.score() > bestScore[0]) { // the test model, when the grid trains on all of train
                    best[0] = fit.factors();
                    bestScore[0] = r.score();
                }
                out.printf(Locale.ROOT, "  %-16s val recall@%d %s  NDCG@%d %s  fit %.1f s%n", p.label(), K,
                        AlsReport.f5(val.recall(K)), K, AlsReport.f5(val.ndcg(K)), fit.seconds());
                return r;
            });
            GridResult chosen = AlsGrid.chosen(grid);
            Factors factors;
            double seconds;
            if (sameTrain) {
                factors = best[0];
                seconds = chosen.fitSeconds();
            } else {
                out.println("refitting " + chosen.params().label() + " on the whole train ...");
                SparkAls.Fit fit = als.fit(als.ratings(split.train()), split.train().numUsers(),
                        split.train().numItems(), chosen.params());
                factors = fit.factors();
                seconds = fit.seconds();
            }
            Metrics test = factors.evaluate(split.train(), split.test(), eval, settings(chosen.params()));
            return new AlsReport(options, split.summary(), environment, valPopularity, testPopularity, grid, chosen,
                    test, seconds, !sameTrain);
        }
    }

    private Map<String, String> environment(SparkAls als) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("spark", als.sparkVersion());
        env.put("master", options.master());
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("started", Instant.now().toString());
        return env;
    }

    private Map<String, String> settings(AlsParams p) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("model", "spark-mllib-implicit-als");
        s.put("rank", Integer.toString(p.rank()));
        s.put("regParam", Double.toString(p.regParam()));
        s.put("alpha", Double.toString(p.alpha()));
        s.put("maxIter", Integer.toString(options.maxIter()));
        s.put("seed", Long.toString(options.seed()));
        return s;
    }
}
