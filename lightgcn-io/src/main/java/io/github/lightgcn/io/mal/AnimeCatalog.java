package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.internal.Echo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All anime of an {@code anime.csv}, sorted by MAL id: the catalog's own dense index {@code 0..size-1} follows
 * that order. Lookups by MAL id, by index, and by title ({@link #titles()}). Immutable.
 *
 * <p>This index covers the whole catalog; a {@link MalDataset} has its own, smaller anime index over the anime
 * that have at least one interaction.
 */
public final class AnimeCatalog {

    private final List<Anime> anime;    // sorted by id
    private final IdMapping ids;
    private final CatalogSummary summary;
    private final TitleIndex titles;

    private AnimeCatalog(List<Anime> sorted, int namesDecoded) {
        this.anime = List.copyOf(sorted);
        this.ids = IdMapping.ofSortedDistinct(sorted.stream().mapToInt(Anime::id).toArray());
        this.summary = summarize(anime, namesDecoded);
        this.titles = new TitleIndex(anime);
    }

    /**
     * A catalog of the given anime.
     *
     * @throws IllegalArgumentException if two anime share an id
     */
    public static AnimeCatalog of(Collection<Anime> anime) {
        return of(anime, 0);
    }

    /** As {@link #of(Collection)}, remembering how many titles the reader decoded. */
    static AnimeCatalog of(Collection<Anime> anime, int namesDecoded) {
        List<Anime> sorted = new ArrayList<>(anime);
        sorted.sort(Comparator.comparingInt(Anime::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id() == sorted.get(i - 1).id()) {
                throw new IllegalArgumentException("anime id " + sorted.get(i).id() + " occurs twice: "
                        + Echo.quote(sorted.get(i - 1).name()) + " and " + Echo.quote(sorted.get(i).name()));
            }
        }
        return new AnimeCatalog(sorted, namesDecoded);
    }

    private static CatalogSummary summarize(List<Anime> anime, int namesDecoded) {
        int genre = 0, type = 0, rating = 0, episodes = 0, members = 0;
        for (Anime a : anime) {
            if (a.genres().isEmpty()) genre++;
            if (a.type().isEmpty()) type++;
            if (a.rating().isEmpty()) rating++;
            if (a.episodes().isEmpty()) episodes++;
            if (a.members().isEmpty()) members++;
        }
        return new CatalogSummary(anime.size(), genre, type, rating, episodes, members, namesDecoded);
    }

    /** Number of anime. */
    public int size() { return anime.size(); }

    /** The anime at a catalog index (0 = smallest MAL id). */
    public Anime get(int index) { return anime.get(index); }

    /** All anime, sorted by MAL id (unmodifiable). */
    public List<Anime> all() { return anime; }

    /** The anime with a MAL id, if the catalog has it. */
    public Optional<Anime> byId(int malId) {
        int index = ids.indexOf(malId);
        return index < 0 ? Optional.empty() : Optional.of(anime.get(index));
    }

    /** Whether the catalog has an anime with this MAL id. */
    public boolean contains(int malId) { return ids.contains(malId); }

    /** The catalog index of a MAL id, or -1. */
    public int indexOf(int malId) { return ids.indexOf(malId); }

    /** The MAL ids, sorted (the catalog's id mapping). */
    public IdMapping ids() { return ids; }

    /** Title lookups: exact, unique prefix, close matches. */
    public TitleIndex titles() { return titles; }

    /** The distinct genre names, sorted. */
    public List<String> genres() {
        TreeSet<String> genres = new TreeSet<>();
        for (Anime a : anime) genres.addAll(a.genres());
        return List.copyOf(genres);
    }

    /** How many anime have each type (anime without a type are not counted; see {@link CatalogSummary#emptyType()}). */
    public Map<String, Integer> countByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Anime a : anime) a.type().ifPresent(t -> counts.merge(t, 1, Integer::sum));
        return counts;
    }

    /** Counts of absent values and decoded titles. */
    public CatalogSummary summary() { return summary; }

    @Override
    public String toString() {
        return "AnimeCatalog[" + anime.size() + " anime]";
    }
}
