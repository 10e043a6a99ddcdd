package io.github.lightgcn.bench.als;

import io.github.lightgcn.graph.InteractionGraph;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Spark MLlib's implicit ALS in a local Spark session: every training pair is one rating of 1.0
 * ({@code setImplicitPrefs(true)}: confidence 1 + alpha), and the fitted factors come back as dense tables.
 * Spark's defaults otherwise (10 user and item blocks, non-negative off, a checkpoint every 10 iterations). One
 * session serves every fit; close it when done.
 *
 * <p>The session has a checkpoint folder (a temporary one, deleted by {@link #close()}): without it ALS ignores its
 * {@code checkpointInterval}, the factors' lineage grows with every iteration, and on Gowalla the deserialisation
 * of a task's 15-iteration lineage overflows the stack. A checkpoint writes the factors and reads them back, so the
 * factors are the same with it and without it (MAL's test figures are, to every digit).
 */
public final class SparkAls implements AutoCloseable {

    private static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("rating", DataTypes.FloatType, false);

    private final SparkSession spark;
    private final Path checkpoints;
    private final int maxIter;
    private final long seed;

    /**
     * @param master  Spark's master, e.g. {@code local[2]}
     * @param maxIter ALS iterations, at least 1
     * @param seed    Spark's seed of the initial factors
     * @throws UncheckedIOException when the temporary checkpoint folder cannot be made
     */
    public SparkAls(String master, int maxIter, long seed) {
        if (maxIter < 1) throw new IllegalArgumentException("--max-iter must be >= 1, got " + maxIter);
        this.maxIter = maxIter;
        this.seed = seed;
        this.spark = SparkSession.builder().master(master).appName("lightgcn-bench-als")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            checkpoints = Files.createTempDirectory("lightgcn-als-checkpoints");
        } catch (IOException e) {
            spark.stop();
            throw new UncheckedIOException("cannot make a temporary checkpoint folder: " + e.getMessage(), e);
        }
        spark.sparkContext().setCheckpointDir(checkpoints.toString());
    }

    /** Spark's version, e.g. 4.2.0. */
    public String sparkVersion() { return spark.version(); }

    /** The training pairs as Spark's input, built once per training graph and reused for every grid point. */
    public Dataset<Row> ratings(InteractionGraph train) {
        List<Row> rows = new ArrayList<>(train.numEdges());
        train.forEachEdge((u, i) -> rows.add(RowFactory.create(u, i, 1.0f)));
        return spark.createDataFrame(rows, SCHEMA); // a local relation: cheap to read again, no cache
    }

    /** A fit: the factors and the seconds {@code ALS.fit} took. */
    public record Fit(Factors factors, double seconds) {}

    /**
     * Fits ALS on {@code ratings} (from {@link #ratings}) of a graph of this size and collects the factors; what
     * Spark cached for the fit is released afterwards.
     */
    public Fit fit(Dataset<Row> ratings, int numUsers, int numItems, AlsParams p) {
        ALS als = new ALS().setImplicitPrefs(true).setRank(p.rank()).setRegParam(p.regParam()).setAlpha(p.alpha())
                .setMaxIter(maxIter).setSeed(seed).setUserCol("user").setItemCol("item").setRatingCol("rating");
        long start = System.nanoTime();
        ALSModel model = als.fit(ratings);
        double seconds = (System.nanoTime() - start) / 1e9;
        Factors factors = new Factors(p.rank(), collect(model.userFactors(), numUsers, p.rank()),
                collect(model.itemFactors(), numItems, p.rank()));
        releaseCachedRdds();
        return new Fit(factors, seconds);
    }

    private static float[] collect(Dataset<Row> factorRows, int n, int rank) {
        List<Row> rows = factorRows.collectAsList();
        int[] ids = new int[rows.size()];
        float[][] features = new float[rows.size()][];
        for (int j = 0; j < rows.size(); j++) {
            Row row = rows.get(j);
            ids[j] = row.getInt(0);
            List<Float> values = row.getList(1);
            features[j] = new float[values.size()];
            for (int d = 0; d < features[j].length; d++) features[j][d] = values.get(d);
        }
        return Factors.table(n, rank, ids, features);
    }

    /** ALS keeps its final factor RDDs cached; 27 fits of them would fill the heap. */
    private void releaseCachedRdds() {
        JavaSparkContext.fromSparkContext(spark.sparkContext()).getPersistentRDDs()
                .forEach((id, rdd) -> rdd.unpersist(true));
    }

    /** Stops the session and deletes the checkpoint folder. */
    @Override
    public void close() {
        spark.stop();
        try (Stream<Path> files = Files.walk(checkpoints)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            System.err.println("lightgcn-bench-als: could not delete " + checkpoints + ": " + e.getMessage());
        }
    }
}
