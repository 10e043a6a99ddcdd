package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wrote the frozen command-line model files in {@code src/test/resources/fixtures/} once, with the code of commit
 * f5a146d, when the anime and split-file ids travelled as model attachments. Kept to show how they were made, not
 * to be run again: later code must keep reading these files and answer the same ({@code FrozenCliFixturesTest}).
 *
 * <ul>
 *   <li>{@code anime-v1.lgcn}: {@code train --anime --ratings} on 4,000 generated ratings (seed 11), 20 epochs;
 *       {@code anime-v1.expected.txt}: what {@link #QUERIES} printed.</li>
 *   <li>{@code csv-v1.lgcn}: {@code train --format csv} on a small split with original ids; with its
 *       {@code csv-v1.test.csv} and the metrics {@code evaluate} printed in {@code csv-v1.expected.txt}.</li>
 * </ul>
 */
final class WriteFrozenCliFixtures {

    private WriteFrozenCliFixtures() {}

    /** The anime queries whose output is frozen, with {@code MODEL} for the model's path. */
    static final List<List<String>> QUERIES = List.of(
            List.of("recommend", "--model", "MODEL", "--user", "USER", "-n", "8"),
            List.of("recommend", "--model", "MODEL", "--likes", "LIKES", "-n", "8"),
            List.of("similar", "--model", "MODEL", "--anime", "ANIME", "-n", "8"));

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path work = Files.createTempDirectory("fixtures");
        GeneratedData data = MalGenerator.generate(work.resolve("mal"), 4000, 11);
        Path anime = dir.resolve("anime-v1.lgcn");
        CliRun train = CliRun.of("train", "--anime", data.animeCsv().toString(), "--ratings",
                data.ratingsCsv().toString(), "--epochs", "20", "--eval-every", "5", "--lr", "0.01", "--batch", "512",
                "--threads", "1", "--model-out", anime.toString());
        if (train.exitCode() != 0) throw new IllegalStateException(train.toString());
        AnimeModel model = AnimeModel.load(anime);
        String user = Long.toString(model.users().originalId(3));
        String likes = model.anime().originalId(0) + "," + model.anime().originalId(5) + "," + model.anime().originalId(9);
        String similar = Long.toString(model.anime().originalId(2));
        List<String> expected = new ArrayList<>();
        for (List<String> query : QUERIES) {
            List<String> argv = query.stream().map(a -> a.replace("USER", user).replace("LIKES", likes)
                    .replace("ANIME", similar)).toList();
            expected.add("$ " + String.join(" ", argv));
            CliRun run = CliRun.of(argv.stream().map(a -> a.replace("MODEL", anime.toString())).toArray(String[]::new));
            if (run.exitCode() != 0) throw new IllegalStateException(run.toString());
            expected.addAll(run.outLines());
        }
        Files.write(dir.resolve("anime-v1.expected.txt"), expected);

        SmallData small = SmallData.write(work);
        Path trainCsv = dir.resolve("csv-v1.train.csv"), testCsv = dir.resolve("csv-v1.test.csv");
        toCsv(small.train(), trainCsv);
        toCsv(small.test(), testCsv);
        Path csv = dir.resolve("csv-v1.lgcn");
        CliRun split = CliRun.of("train", "--train", trainCsv.toString(), "--test", testCsv.toString(), "--format",
                "csv", "--epochs", "5", "--batch", "64", "--threads", "1", "--model-out", csv.toString());
        if (split.exitCode() != 0) throw new IllegalStateException(split.toString());
        CliRun eval = CliRun.of("evaluate", "--model", csv.toString(), "--test", testCsv.toString());
        if (eval.exitCode() != 0) throw new IllegalStateException(eval.toString());
        List<String> evalLines = new ArrayList<>(List.of("$ evaluate --model MODEL --test csv-v1.test.csv"));
        evalLines.addAll(eval.outLines().stream().map(l -> l.replace(csv.toString(), "MODEL")
                .replace(testCsv.toString(), "csv-v1.test.csv")).toList());
        Files.write(dir.resolve("csv-v1.expected.txt"), evalLines);
        Files.delete(trainCsv);
    }

    /** A pairs file as a CSV with a header and original ids: users 1000 + u, items 50000 + 7i. */
    private static void toCsv(Path pairs, Path csv) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user_id,anime_id"));
        for (String line : Files.readAllLines(pairs)) {
            String[] f = line.split("\t");
            lines.add((1000 + Integer.parseInt(f[0])) + "," + (50000 + 7 * Integer.parseInt(f[1])));
        }
        Files.write(csv, lines);
    }
}
