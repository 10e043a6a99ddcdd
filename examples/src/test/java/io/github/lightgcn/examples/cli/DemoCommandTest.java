package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import io.github.lightgcn.io.mal.model.AnimeInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lightgcn demo}: on the shipped real sample by default (real titles, a user's history beside their top 5, a
 * new user from famous titles), on generated data with --generated, and never silently on something else than asked.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoOnGeneratedData() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("demo", "--generated", "--out", out.toString(),
                "--interactions", "3000", "--epochs", "10", "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.outLines().getFirst().startsWith("data: a generated MAL-shaped data set (3,000 ratings"),
                r::toString);
        assertTrue(r.out().contains("recall@20") && r.out().contains("popularity"), r::toString);
        assertTrue(r.out().matches("(?s).*user \\d+ watched \\d+ anime; \\d of them \\(best known first\\) and their top 5.*"),
                r::toString);
        // invented titles: the new user likes the three most watched anime instead of famous ones
        assertTrue(r.out().contains("(none of Cowboy Bebop, Steins;Gate, Fullmetal Alchemist: Brotherhood is in this "
                + "data: its three most watched anime)"), r::toString);
        assertTrue(r.out().contains("rank  title"), r::toString);
        assertTrue(r.out().contains("outputs in " + out), r::toString);
        for (String f : new String[]{"model.lgcn", "metrics.json", "curves.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        byte[] png = Files.readAllBytes(out.resolve("curves.png"));
        assertTrue(Arrays.equals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8)));
        AnimeModel model = AnimeModel.load(out.resolve("model.lgcn"));
        assertTrue(model.anime().size() > 0);
    }

    @Test
    void demoOfAFreshCloneTrainsOnTheRealSampleAndShowsRealAnime() throws IOException {
        Path out = dir.resolve("out");
        // no data/mal under this home: the shipped sample
        CliRun r = CliRun.of("demo", "--out", out.toString(), "--epochs", "5", "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.outLines().getFirst().startsWith("data: the real MyAnimeList sample shipped with lightgcn"),
                r::toString);
        assertTrue(r.out().contains("anime: 12,294 in ") && r.out().contains("data: 956 users x 5,560 anime, 97,470 "
                + "interactions"), r::toString);
        assertTrue(r.out().contains("a new user who likes Cowboy Bebop, Steins;Gate, Fullmetal Alchemist: Brotherhood, "
                + "folded in without retraining; their top 5:"), r::toString);
        AnimeModel model = AnimeModel.load(out.resolve("model.lgcn"));
        List<String> titles = model.allInfo().stream().map(AnimeInfo::title).toList();
        assertTrue(titles.contains("Cowboy Bebop") && titles.contains("Steins;Gate"));
        // the shown rows are real titles of the model, none of them adult
        List<String> shown = r.outLines().stream().filter(l -> l.matches(" *[1-5]  .*")).toList();
        assertEquals(10, shown.size(), r::toString);
        for (String line : shown) {
            String[] cells = line.strip().split(" {2,}");
            AnimeInfo rec = model.allInfo().stream().filter(a -> line.contains(a.title()) && cells[1].startsWith(
                    a.title().substring(0, Math.min(10, a.title().length())))).findFirst().orElse(null);
            assertTrue(rec == null || !rec.isAdult(), line);
        }
        assertTrue(r.out().contains("--likes \"Cowboy Bebop,Steins;Gate\""), r::toString);
    }

    @Test
    void aDataFolderWithoutBothKaggleFilesIsAnErrorNotAFallback() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("anime.csv"), "anime_id,name,genre,type,episodes,rating,members\n");
        CliRun r = CliRun.of("demo", "--data", data.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("error: --data " + data + " has no rating.csv (the folder needs the Kaggle files anime.csv"
                + " and rating.csv); without --data the demo uses data/mal or the shipped sample"), r.errLines());
        assertTrue(r.outLines().isEmpty(), r::toString); // nothing trained
        CliRun both = CliRun.of("demo", "--data", data.toString(), "--generated");
        assertEquals(2, both.exitCode(), both::toString);
        CliRun stray = CliRun.of("demo", "--interactions", "5000");
        assertEquals(2, stray.exitCode(), stray::toString);
        assertTrue(stray.errLines().get(0).contains("--interactions is only used with --generated"), stray::toString);
    }
}
