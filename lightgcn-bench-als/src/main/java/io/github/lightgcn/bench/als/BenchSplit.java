package io.github.lightgcn.bench.als;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.io.split.Interactions;
import io.github.lightgcn.io.split.PerUserSplitter;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.split.SplitRatios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A split as the benchmark uses it, read with the project's own readers (as the command line and the reproduction
 * read these files): the grid is fitted on {@code fitTrain} and scored on {@code validation}; the chosen point is
 * fitted on {@code train} and scored on {@code test}. All four graphs share one user and item universe.
 *
 * @param fitTrain   {@code train} itself when the split has a validation file (MAL), else {@code train} less the
 *                   validation holdout
 * @param validation the split's validation file, or a seeded 10% per-user holdout of {@code train}
 *                   ({@link PerUserSplitter}: users with 2 or more training interactions give
 *                   {@code max(1, floor(0.1 k))} of them)
 */
public record BenchSplit(Name name, InteractionGraph train, InteractionGraph fitTrain, InteractionGraph validation,
                         InteractionGraph test, String validationSource) {

    /** The splits the benchmark knows, in the shared data folder. */
    public enum Name {
        /** {@code data/mal/split/{train,val,test}.csv}: original ids mapped by sorted order over the three. */
        MAL,
        /** {@code data/lastfm-lgcn/{data1,test1}.txt}: the LightGCN reference's LastFM, 1-based, 1,892 x 4,489. */
        LASTFM,
        /** {@code data/gowalla/{train,test}.txt}: the paper's split, adjacency lines, 0-based. */
        GOWALLA;

        /** Parses {@code mal}, {@code lastfm} or {@code gowalla}. */
        public static Name parse(String name) {
            for (Name n : values()) if (n.name().equalsIgnoreCase(name)) return n;
            throw new IllegalArgumentException("--split must be mal, lastfm or gowalla, got '" + name + "'");
        }

        /** The lower-case name, as on the command line. */
        public String id() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The share of each user's training interactions held out for validation when a split has no validation file. */
    public static final double HOLDOUT = 0.1;

    /**
     * Reads a split from the shared data folder.
     *
     * @param seed the seed of the validation holdout (LastFM, Gowalla)
     * @throws IOException when a file cannot be read or is malformed (naming the file and line)
     */
    public static BenchSplit load(Name name, Path shared, long seed) throws IOException {
        Path data = shared.resolve("data");
        return switch (name) {
            case MAL -> {
                Path dir = data.resolve("mal/split");
                Path val = dir.resolve("val.csv");
                InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.CSV), dir.resolve("train.csv"), val,
                        dir.resolve("test.csv"));
                InteractionGraph validation = s.validation().orElseThrow();
                yield new BenchSplit(name, s.train(), s.train(), validation, s.test(), "data/mal/split/val.csv");
            }
            case LASTFM -> {
                Path dir = data.resolve("lastfm-lgcn");
                yield withHoldout(name, SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withIndexBase(1)
                        .withUniverse(1892, 4489), dir.resolve("data1.txt"), null, dir.resolve("test1.txt")), seed);
            }
            case GOWALLA -> {
                Path dir = data.resolve("gowalla");
                yield withHoldout(name, SplitReader.read(ReadOptions.of(DataFormat.ADJ), dir.resolve("train.txt"),
                        null, dir.resolve("test.txt")), seed);
            }
        };
    }

    private static BenchSplit withHoldout(Name name, InteractionSplit s, long seed) {
        InteractionGraph[] parts = holdout(s.train(), HOLDOUT, seed);
        return new BenchSplit(name, s.train(), parts[0], parts[1], s.test(), String.format(Locale.ROOT,
                "%.0f%% per-user holdout of train, seed %d", 100 * HOLDOUT, seed));
    }

    /**
     * {fit part, held-out part} of a graph: each user with at least 2 interactions gives
     * {@code max(1, floor(share * k))} of its k interactions, chosen by a seeded shuffle, to the held-out part.
     */
    static InteractionGraph[] holdout(InteractionGraph train, double share, long seed) {
        IdMapping users = IdMapping.ofSortedDistinct(IntStream.range(0, train.numUsers()).toArray());
        IdMapping items = IdMapping.ofSortedDistinct(IntStream.range(0, train.numItems()).toArray());
        Split split = new PerUserSplitter(new SplitRatios(1 - share, share, 0), 2)
                .split(Interactions.fromGraph(train, users, items), seed);
        return new InteractionGraph[]{split.train().toGraph(users, items), split.val().toGraph(users, items)};
    }

    /** e.g. {@code 956 users x 5,560 items; train 77,976, validation 9,747 (file), test 9,747}. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %,d users x %,d items; train %,d (grid fitted on %,d), validation %,d"
                        + " (%s), test %,d", name.id(), train.numUsers(), train.numItems(), train.numEdges(),
                fitTrain.numEdges(), validation.numEdges(), validationSource, test.numEdges());
    }
}
