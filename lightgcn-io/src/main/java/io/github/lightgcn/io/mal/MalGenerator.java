package io.github.lightgcn.io.mal;

import io.github.lightgcn.random.Rng;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

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
 */
public final class MalGenerator {

    public static final String ANIME_FILE = "anime.csv", RATINGS_FILE = "rating.csv";
    public static final long MIN_INTERACTIONS = 1_000, MAX_INTERACTIONS = 100_000_000;

    private static final long CATALOG_STREAM = 1, USER_STREAM = 2;
    private static final double TASTE_SHARE = 0.8;   // draws from a liked genre; the rest by popularity alone
    // Franchise fame is Pareto(0.6) capped at 300x the least famous: at 100k interactions the most watched tenth
    // of the anime then holds about half the interactions (56% in the real rating_tail.csv) without every user
    // watching the same few shows.
    private static final double PARETO_ALPHA = 0.6, MAX_FAME = 300;

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
        int numAnime = (int) Math.clamp(Math.round(12 * Math.sqrt(interactions)), 100, 12_000);
        double meanPerUser = Math.clamp(Math.sqrt(interactions) / 2, 10, 100);
        Catalog catalog = Catalog.generate(numAnime, Rng.stream(seed, CATALOG_STREAM, 0));
        Path animeCsv = dir.resolve(ANIME_FILE), ratingsCsv = dir.resolve(RATINGS_FILE);
        AnimeCsv.write(animeCsv, catalog.inFileOrder());
        Tastes tastes = new Tastes(catalog);
        long[] counts = writeRatings(ratingsCsv, catalog, tastes, interactions, meanPerUser, seed);
        return new GeneratedData(animeCsv, ratingsCsv, numAnime, (int) counts[0], interactions, counts[1]);
    }

    /** Streams users one by one; returns {users, unscored}. */
    private static long[] writeRatings(Path file, Catalog catalog, Tastes tastes, long interactions,
                                       double meanPerUser, long seed) throws IOException {
        int n = catalog.size();
        int cap = Math.max(1, n / 3);               // nobody watches most of the catalog
        double sigma = 1.0, mu = Math.log(meanPerUser) - sigma * sigma / 2;
        int[] picked = new int[cap];
        long remaining = interactions, unscored = 0;
        int user = 0;
        try (AsciiWriter out = new AsciiWriter(Files.newOutputStream(file))) {
            out.text("user_id,anime_id,rating\r\n");
            while (remaining > 0) {
                user++;
                Rng rng = Rng.stream(seed, USER_STREAM, user);
                int degree = (int) Math.clamp(Math.round(Math.exp(mu + sigma * rng.nextGaussian())), 1, cap);
                degree = (int) Math.min(degree, remaining);
                int[] liked = tastes.likedGenres(rng);
                for (int k = 0; k < degree; k++) picked[k] = tastes.pick(liked, rng);
                tastes.restore(picked, degree);
                Arrays.sort(picked, 0, degree);     // catalog index order is anime_id order
                for (int k = 0; k < degree; k++) {
                    int item = picked[k];
                    int rating = rating(catalog.quality[item], tastes.likes(liked, item), rng);
                    if (rating < 0) unscored++;
                    out.integer(user).text(",").integer(catalog.anime.get(item).id()).text(",").integer(rating).text("\r\n");
                }
                remaining -= degree;
            }
        }
        return new long[]{user, unscored};
    }

    /** -1 (watched, not scored) for about a fifth of the rows, else 1..10 around the anime's quality, higher when liked. */
    private static int rating(double quality, boolean liked, Rng rng) {
        if (rng.nextDouble() < MalVocabulary.UNSCORED) return -1;
        double score = quality + 1.3 + (liked ? 0.5 : -0.5) + 1.2 * rng.nextGaussian();
        return (int) Math.clamp(Math.round(score), 1, 10);
    }

    /** The anime and the hidden values behind them (popularity weight, true quality). */
    private static final class Catalog {
        final List<Anime> anime = new ArrayList<>(); // by ascending id
        final double[] weight;
        final double[] quality;

        private Catalog(int n) {
            weight = new double[n];
            quality = new double[n];
        }

        int size() { return anime.size(); }

        static Catalog generate(int n, Rng rng) {
            Catalog c = new Catalog(n);
            TitleMaker titles = new TitleMaker(rng);
            double[] fameOf = new double[n];
            List<List<String>> genresOf = new ArrayList<>();
            List<Optional<String>> typeOf = new ArrayList<>();
            List<String> nameOf = new ArrayList<>();
            while (nameOf.size() < n) {
                double fame = Math.min(MAX_FAME, Math.pow(1 - rng.nextDouble(), -1 / PARETO_ALPHA));
                List<String> genres = drawGenres(rng);
                String base = titles.base();
                int entries = 1;
                while (entries < 8 && rng.nextDouble() < 0.45) entries++;
                for (int e = 0; e < entries && nameOf.size() < n; e++) {
                    String type = draw(MalVocabulary.TYPES, MalVocabulary.TYPE_COUNTS, rng);
                    nameOf.add(titles.unique(e == 0 ? base : titles.sequel(base, type, e)));
                    typeOf.add(rng.nextDouble() < MalVocabulary.EMPTY_TYPE ? Optional.empty() : Optional.of(type));
                    genresOf.add(rng.nextDouble() < MalVocabulary.EMPTY_GENRE ? List.of() : genres);
                    fameOf[nameOf.size() - 1] = fame * Math.pow(0.45, e); // sequels draw fewer viewers
                }
            }
            // ids grow with gaps, like MAL's (12,294 ids up to 34,527); franchise entries are scattered among them
            int[] order = permutation(n, rng);
            int id = 0;
            double maxFame = Arrays.stream(fameOf).max().orElse(1);
            for (int i = 0; i < n; i++) {
                int src = order[i];
                id += 1 + (int) (-Math.log(1 - rng.nextDouble()) * 1.8);
                String type = typeOf.get(src).orElse("TV");
                c.weight[i] = fameOf[src];
                c.quality[i] = Math.clamp(6.2 + 0.3 * Math.log(fameOf[src]) + 0.7 * rng.nextGaussian(), 1.8, 9.6);
                OptionalInt episodes = rng.nextDouble() < MalVocabulary.UNKNOWN_EPISODES ? OptionalInt.empty()
                        : OptionalInt.of(episodes(type, rng));
                OptionalDouble rating = rng.nextDouble() < MalVocabulary.EMPTY_RATING ? OptionalDouble.empty()
                        : OptionalDouble.of(Math.round(c.quality[i] * 100) / 100.0);
                int members = (int) Math.max(5, Math.round(1_000_000 * fameOf[src] / maxFame
                        * Math.exp(0.2 * rng.nextGaussian())));
                c.anime.add(new Anime(id, nameOf.get(src), genresOf.get(src), typeOf.get(src), episodes, rating,
                        OptionalInt.of(members)));
            }
            return c;
        }

        /** Best rated first, unrated last, as in the Kaggle file. */
        List<Anime> inFileOrder() {
            List<Anime> rows = new ArrayList<>(anime);
            rows.sort(Comparator.comparingDouble((Anime a) -> -a.rating().orElse(-1)).thenComparingInt(Anime::id));
            return rows;
        }

        private static List<String> drawGenres(Rng rng) {
            int k = 1 + drawIndex(MalVocabulary.GENRES_PER_ANIME, rng);
            List<String> genres = new ArrayList<>();
            while (genres.size() < k) {
                String g = draw(MalVocabulary.GENRES, MalVocabulary.GENRE_COUNTS, rng);
                if (!genres.contains(g)) genres.add(g);
            }
            genres.sort(null); // the dump lists genres alphabetically
            return genres;
        }

        private static int episodes(String type, Rng rng) {
            return switch (type) {
                case "TV" -> new int[]{12, 12, 13, 13, 24, 26, 26, 25, 51, 52, 10, 39, 50, 11}[rng.nextInt(14)];
                case "OVA", "Special" -> 1 + (int) (-Math.log(1 - rng.nextDouble()) * 1.5);
                case "ONA" -> 1 + rng.nextInt(15);
                default -> 1; // Movie, Music
            };
        }
    }

    static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Parts.shuffle(p, 0, n, rng);
        return p;
    }

    private static <T> T draw(List<T> values, int[] counts, Rng rng) {
        return values.get(drawIndex(counts, rng));
    }

    /** An index drawn with probability proportional to {@code counts}. */
    private static int drawIndex(int[] counts, Rng rng) {
        int total = 0;
        for (int c : counts) total += c;
        int r = rng.nextInt(total);
        for (int i = 0; i < counts.length; i++) {
            r -= counts[i];
            if (r < 0) return i;
        }
        return counts.length - 1;
    }

    /**
     * Popularity times taste, sampled exactly without replacement: one weight tree over all anime and one per
     * genre; a picked anime is taken out of every tree it is in, and put back when the user is done.
     */
    private static final class Tastes {
        final int numGenres = MalVocabulary.GENRES.size();
        final int[][] members;         // anime of each genre
        final int[][] genresOf;        // genres of each anime
        final int[][] positionsOf;     // where each anime sits in its genres' member lists
        final long[] weight;
        final WeightTree global;
        final WeightTree[] byGenre;
        final int[] genreWeights;      // how likely users like each genre

        Tastes(Catalog c) {
            int n = c.size();
            weight = new long[n];
            long[] sizes = new long[numGenres];
            genresOf = new int[n][];
            for (int i = 0; i < n; i++) {
                weight[i] = Math.max(1, Math.round(c.weight[i] * 1000)); // exact integers, fame <= MAX_FAME
                genresOf[i] = c.anime.get(i).genres().stream().mapToInt(MalVocabulary.GENRES::indexOf).toArray();
                for (int g : genresOf[i]) sizes[g]++;
            }
            members = new int[numGenres][];
            for (int g = 0; g < numGenres; g++) members[g] = new int[(int) sizes[g]];
            positionsOf = new int[n][];
            int[] fill = new int[numGenres];
            for (int i = 0; i < n; i++) {
                positionsOf[i] = new int[genresOf[i].length];
                for (int k = 0; k < genresOf[i].length; k++) {
                    int g = genresOf[i][k];
                    positionsOf[i][k] = fill[g];
                    members[g][fill[g]++] = i;
                }
            }
            global = new WeightTree(weight);
            byGenre = new WeightTree[numGenres];
            genreWeights = new int[numGenres];
            for (int g = 0; g < numGenres; g++) {
                long[] w = new long[members[g].length];
                for (int k = 0; k < w.length; k++) w[k] = weight[members[g][k]];
                byGenre[g] = new WeightTree(w);
                genreWeights[g] = (int) Math.round(Math.sqrt(members[g].length) * 100);
            }
        }

        /** One to three distinct liked genres, a genre's chance growing with the square root of its size. */
        int[] likedGenres(Rng rng) {
            int[] weights = genreWeights.clone();
            int available = 0;
            for (int w : weights) if (w > 0) available++;
            int k = Math.min(1 + rng.nextInt(3), available);
            int[] liked = new int[k];
            for (int j = 0; j < k; j++) {
                liked[j] = drawIndex(weights, rng);
                weights[liked[j]] = 0;
            }
            return liked;
        }

        boolean likes(int[] liked, int item) {
            for (int g : genresOf[item]) for (int l : liked) if (g == l) return true;
            return false;
        }

        /** A new anime for this user: from a liked genre (by popularity) with probability TASTE_SHARE, else by popularity alone. */
        int pick(int[] liked, Rng rng) {
            int g = liked.length == 0 ? -1 : liked[rng.nextInt(liked.length)];
            int item;
            if (g >= 0 && rng.nextDouble() < TASTE_SHARE && byGenre[g].total() > 0) {
                item = members[g][byGenre[g].find((long) (rng.nextDouble() * byGenre[g].total()))];
            } else {
                item = global.find((long) (rng.nextDouble() * global.total()));
            }
            move(item, -1);
            return item;
        }

        /** Puts back the anime a user picked, so the next user draws from the full catalog. */
        void restore(int[] picked, int count) {
            for (int k = 0; k < count; k++) move(picked[k], +1);
        }

        private void move(int item, int sign) {
            global.add(item, sign * weight[item]);
            for (int k = 0; k < genresOf[item].length; k++) {
                byGenre[genresOf[item][k]].add(positionsOf[item][k], sign * weight[item]);
            }
        }
    }

    /** Buffered ASCII output of numbers and short texts, without a per-row String, encoder or stream lock. */
    private static final class AsciiWriter implements AutoCloseable {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        AsciiWriter(OutputStream out) {
            this.out = out;
        }

        private void room(int bytes) throws IOException {
            if (size + bytes > buffer.length) {
                out.write(buffer, 0, size);
                size = 0;
            }
        }

        AsciiWriter text(String ascii) throws IOException {
            room(ascii.length());
            for (int i = 0; i < ascii.length(); i++) buffer[size++] = (byte) ascii.charAt(i);
            return this;
        }

        AsciiWriter integer(int v) throws IOException {
            room(11);
            long x = v;
            if (x < 0) {
                buffer[size++] = '-';
                x = -x;
            }
            int digits = 1;
            for (long t = x; t >= 10; t /= 10) digits++;
            for (int p = size + digits - 1; p >= size; p--) {
                buffer[p] = (byte) ('0' + x % 10);
                x /= 10;
            }
            size += digits;
            return this;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(buffer, 0, size);
            }
        }
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
