package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.random.Rng;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes MyAnimeList-shaped data of any size: an {@code anime.csv} in the Kaggle layout (HTML entities in titles,
 * quoted genre lists, empty genre/type/rating, {@code Unknown} episodes, CRLF) and a {@code rating.csv}
 * ({@code user_id,anime_id,rating} with a header, CRLF, sorted by user then anime, -1 for watched-not-scored).
 *
 * <p>The data has structure for a recommender to find. Anime belong to franchises whose fame is Pareto
 * distributed (power-law popularity; sequels share genres and are less popular). Each user likes one to three
 * genres and picks anime by popularity times taste: mostly the popular anime of a liked genre, sometimes a
 * popular anime of any genre. Scores are higher for liked genres and better-rated anime. A model that learns
 * tastes therefore beats the popularity baseline.
 *
 * <p>Sizes scale with the requested number of interactions n (exactly n rating rows): about
 * {@code 12 sqrt(n)} anime (100..12,000) and users with {@code clamp(sqrt(n)/2, 10, 100)} interactions on
 * average (log-normal). Ratings are streamed to disk, so memory stays bounded by the catalog. The same seed
 * gives byte-identical files.
 *
 * <p>The jobs, one class each in this package: {@code Catalog} (with {@code TitleMaker} and
 * {@code MalVocabulary}) makes the anime, {@code Tastes} and {@code Users} the users and their ratings,
 * {@link AnimeCsv} and {@code AsciiWriter} write the files; this class sizes the data and runs them in order.
 */
public final class MalGenerator {

    /** The names of the two files written, as in the Kaggle dump. */
    public static final String ANIME_FILE = "anime.csv", RATINGS_FILE = "rating.csv";
    /** The range of the number of rating rows. */
    public static final long MIN_INTERACTIONS = 1_000, MAX_INTERACTIONS = 100_000_000;

    /** The random streams of a seed: one for the catalog, one per user (indexed by user id). */
    static final long CATALOG_STREAM = 1, USER_STREAM = 2;

    private MalGenerator() {}

    /**
     * Writes {@code anime.csv} and {@code rating.csv} into {@code dir} (created if needed).
     *
     * @param interactions rating rows to write, 1,000..100,000,000
     */
    public static GeneratedData generate(Path dir, long interactions, long seed) throws IOException {
        if (interactions < MIN_INTERACTIONS || interactions > MAX_INTERACTIONS) {
            throw new IllegalArgumentException("interactions must be in " + MIN_INTERACTIONS + ".." + MAX_INTERACTIONS
                    + ", got " + interactions);
        }
        Files.createDirectories(dir);
        int numAnime = (int) Math.min(12_000, Math.max(100, Math.round(12 * Math.sqrt(interactions))));
        double meanPerUser = Math.min(100, Math.max(10, Math.sqrt(interactions) / 2));
        Catalog catalog = Catalog.generate(numAnime, Rng.stream(seed, CATALOG_STREAM, 0));
        Path animeCsv = dir.resolve(ANIME_FILE), ratingsCsv = dir.resolve(RATINGS_FILE);
        AnimeCsv.write(animeCsv, catalog.inFileOrder());
        Users.Written users = Users.write(ratingsCsv, catalog, new Tastes(catalog), interactions, meanPerUser, seed);
        return new GeneratedData(animeCsv, ratingsCsv, numAnime, users.users(), interactions, users.unscored());
    }

    /** {@code MalGenerator <dir> <interactions, e.g. 1M or 250k> [seed]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: MalGenerator <output dir> <interactions, e.g. 100k, 1M, 10M> [seed, default 42]");
            System.exit(2);
        }
        long interactions;
        long seed;
        try {
            interactions = parseCount(args[1]);
            seed = args.length == 3 ? Long.parseLong(args[2]) : 42;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        GeneratedData d;
        try {
            d = generate(Path.of(args[0]), interactions, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %,d interactions (%,d unscored) of %,d users on %,d anime in %.2f s:%n  %s%n  %s%n",
                d.interactions(), d.unscored(), d.users(), d.anime(), seconds, d.animeCsv(), d.ratingsCsv());
    }

    /** {@code 250000}, {@code 250_000}, {@code 250k}, {@code 1M}, {@code 1.5M}. */
    static long parseCount(String s) {
        String t = s.strip().replace("_", "").toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("k")) factor = 1e3;
        else if (t.endsWith("m")) factor = 1e6;
        if (factor > 1) t = t.substring(0, t.length() - 1);
        try {
            return Math.round(Double.parseDouble(t) * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a count: '" + s + "' (use e.g. 250000, 250k, 1M)");
        }
    }
}
