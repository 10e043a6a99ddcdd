package io.github.lightgcn.bench.als;

import java.nio.file.Path;

/**
 * The benchmark's command line: {@code --split mal|lastfm|gowalla} (mal), {@code --grid full|reduced|best} (best),
 * {@code --max-iter N} (15), {@code --seed S} (42: Spark's and the validation holdout's), {@code --out FILE} (the
 * JSON results; none when absent), {@code --shared DIR} (the shared data folder: the system property
 * {@code lightgcn.shared.dir}, else {@code ../shared}), {@code --master M} ({@code local[2]}) and
 * {@code --write-split DIR} (write the split's parts as pair files, {@link SplitFiles}, and fit nothing).
 */
public record AlsOptions(BenchSplit.Name split, AlsGrid.Kind grid, int maxIter, long seed, Path out, Path shared,
                         String master, Path writeSplit) {

    static final String USAGE = "usage: java -jar lightgcn-bench-als.jar [--split mal|lastfm|gowalla] "
            + "[--grid full|reduced|best] [--max-iter N] [--seed S] [--out results.json] [--shared DIR] "
            + "[--master local[2]] [--write-split DIR]";

    /** @throws IllegalArgumentException for an unknown option, a missing value or a value out of range */
    public static AlsOptions parse(String... args) {
        BenchSplit.Name split = BenchSplit.Name.MAL;
        AlsGrid.Kind grid = AlsGrid.Kind.BEST;
        int maxIter = 15;
        long seed = 42;
        Path out = null;
        Path shared = Path.of(System.getProperty("lightgcn.shared.dir", "../shared"));
        String master = "local[2]";
        Path writeSplit = null;
        for (int a = 0; a < args.length; a++) {
            String name = args[a];
            if (!name.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + name + "'");
            if (a + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value");
            String value = args[++a];
            switch (name) {
                case "--split" -> split = BenchSplit.Name.parse(value);
                case "--grid" -> grid = AlsGrid.kind(value);
                case "--max-iter" -> maxIter = positive(name, value);
                case "--seed" -> seed = number(name, value);
                case "--out" -> out = Path.of(value);
                case "--shared" -> shared = Path.of(value);
                case "--master" -> master = value;
                case "--write-split" -> writeSplit = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (--split, --grid, --max-iter, --seed, --out, --shared, --master, --write-split)");
            }
        }
        return new AlsOptions(split, grid, maxIter, seed, out, shared.toAbsolutePath().normalize(), master,
                writeSplit);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static int positive(String name, String value) {
        long v = number(name, value);
        if (v < 1 || v > 10_000) throw new IllegalArgumentException(name + " must be in [1, 10000], got " + value);
        return (int) v;
    }
}
