package io.github.lightgcn.examples.cli;

import io.github.lightgcn.examples.training.MalSample;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which data {@code lightgcn demo} trains on, said in one line: the folder of {@code --data} (both Kaggle files must
 * be there: a missing one is an error, not a silent fallback), else the Kaggle files in {@code data/mal} when both
 * are there, else the real sample shipped in the jar; generated MAL-shaped data only with {@code --generated}.
 */
record DemoData(Path animeCsv, Path ratingsCsv, boolean real) {

    static final String ANIME = "anime.csv", RATINGS = "rating.csv";

    /**
     * @param dataOption    the folder given with {@code --data}, or null
     * @param defaultFolder {@code data/mal} under the repository root
     * @param generated     {@code --generated}: interactions and seed say how much and which
     */
    static DemoData choose(Path dataOption, Path defaultFolder, boolean generated, long interactions, long seed,
                           Path output, PrintWriter out) throws IOException {
        if (generated) {
            GeneratedData g = MalGenerator.generate(output.resolve("data"), interactions, seed);
            out.printf(Locale.ROOT, "data: a generated MAL-shaped data set (%,d ratings, %,d users, %,d anime; the "
                    + "titles are invented) in %s%n", g.interactions(), g.users(), g.anime(), g.animeCsv().getParent());
            return new DemoData(g.animeCsv(), g.ratingsCsv(), false);
        }
        if (dataOption != null) {
            List<String> missing = missing(dataOption);
            if (!missing.isEmpty()) {
                throw new CliFailure("--data " + dataOption + " has no " + String.join(" and no ", missing)
                        + " (the folder needs the Kaggle files anime.csv and rating.csv); without --data the demo "
                        + "uses data/mal or the shipped sample");
            }
            out.printf(Locale.ROOT, "data: %s and %s%n", dataOption.resolve(ANIME), dataOption.resolve(RATINGS));
            return new DemoData(dataOption.resolve(ANIME), dataOption.resolve(RATINGS), true);
        }
        List<String> missing = missing(defaultFolder);
        if (missing.isEmpty()) {
            out.printf(Locale.ROOT, "data: the Kaggle files in %s%n", defaultFolder);
            return new DemoData(defaultFolder.resolve(ANIME), defaultFolder.resolve(RATINGS), true);
        }
        if (missing.size() == 1) { // half of the Kaggle files: say why they are not used
            out.printf(Locale.ROOT, "note: %s has no %s, so its files are not used%n", defaultFolder, missing.get(0));
        }
        MalSample.SampleFiles sample = MalSample.extractTo(output.resolve("data"));
        out.printf(Locale.ROOT, "data: %s%n", MalSample.DESCRIPTION);
        return new DemoData(sample.animeCsv(), sample.ratingsCsv(), true);
    }

    private static List<String> missing(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : new String[] {ANIME, RATINGS}) {
            if (!Files.isRegularFile(folder.resolve(name))) missing.add(name);
        }
        return missing;
    }
}
