package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.random.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A generated catalog: the anime, by ascending id, and the hidden values behind them that the users' choices
 * and scores follow (a popularity weight and a true quality per anime).
 *
 * <p>Anime come in franchises whose fame is Pareto distributed (power-law popularity); a franchise's entries
 * share its genres and are less popular the later they come. Ids grow with gaps, like MAL's, with the entries of
 * a franchise scattered among them.
 */
final class Catalog {

    // Franchise fame is Pareto(0.6) capped at 300x the least famous: at 100k interactions the most watched tenth
    // of the anime then holds about half the interactions (56% in the real rating_tail.csv) without every user
    // watching the same few shows.
    private static final double PARETO_ALPHA = 0.6;
    static final double MAX_FAME = 300;

    final List<Anime> anime = new ArrayList<>(); // by ascending id
    final double[] weight;
    final double[] quality;

    private Catalog(int n) {
        weight = new double[n];
        quality = new double[n];
    }

    int size() { return anime.size(); }

    /** {@code n} anime drawn from {@code rng}. */
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
                String type = Draws.draw(MalVocabulary.TYPES, MalVocabulary.TYPE_COUNTS, rng);
                nameOf.add(titles.unique(e == 0 ? base : titles.sequel(base, type, e)));
                typeOf.add(rng.nextDouble() < MalVocabulary.EMPTY_TYPE ? Optional.empty() : Optional.of(type));
                genresOf.add(rng.nextDouble() < MalVocabulary.EMPTY_GENRE ? List.of() : genres);
                fameOf[nameOf.size() - 1] = fame * Math.pow(0.45, e); // sequels draw fewer viewers
            }
        }
        // ids grow with gaps, like MAL's (12,294 ids up to 34,527); franchise entries are scattered among them
        int[] order = Draws.permutation(n, rng);
        int id = 0;
        double maxFame = Arrays.stream(fameOf).max().orElse(1);
        for (int i = 0; i < n; i++) {
            int src = order[i];
            id += 1 + (int) (-Math.log(1 - rng.nextDouble()) * 1.8);
            String type = typeOf.get(src).orElse("TV");
            c.weight[i] = fameOf[src];
            c.quality[i] = Math.min(9.6, Math.max(1.8, 6.2 + 0.3 * Math.log(fameOf[src]) + 0.7 * rng.nextGaussian()));
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
        int k = 1 + Draws.drawIndex(MalVocabulary.GENRES_PER_ANIME, rng);
        List<String> genres = new ArrayList<>();
        while (genres.size() < k) {
            String g = Draws.draw(MalVocabulary.GENRES, MalVocabulary.GENRE_COUNTS, rng);
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
