package io.github.lightgcn.io.mal;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.split.Interactions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * MAL ratings as an interaction graph, with the way back to MAL ids and anime metadata.
 *
 * <p>Index spaces: users are the distinct user_ids with at least one kept interaction, anime the distinct
 * anime_ids with at least one kept interaction (not the whole catalog: an anime nobody watched can never be
 * learned or recommended). Both are in ascending id order ({@link IdMapping}), so the graph's user-major CSR
 * lists interactions sorted by (user_id, anime_id), the order the fixed split's permutation is applied to.
 */
public final class MalDataset {

    private final AnimeCatalog catalog;
    private final IdMapping users;
    private final IdMapping anime;
    private final InteractionGraph graph;
    private final LoadSummary summary;

    MalDataset(AnimeCatalog catalog, IdMapping users, IdMapping anime, InteractionGraph graph, LoadSummary summary) {
        this.catalog = catalog;
        this.users = users;
        this.anime = anime;
        this.graph = graph;
        this.summary = summary;
    }

    /** Reads {@code anime.csv} and a rating file, every row counting as an interaction. */
    public static MalDataset load(Path animeCsv, Path ratingsCsv) throws IOException {
        return load(animeCsv, ratingsCsv, RatingOptions.defaults());
    }

    /** Reads {@code anime.csv} and a rating file (see {@link AnimeCsv} and {@link RatingsCsv}). */
    public static MalDataset load(Path animeCsv, Path ratingsCsv, RatingOptions options) throws IOException {
        return RatingsCsv.read(ratingsCsv, AnimeCsv.read(animeCsv), options);
    }

    /** The whole catalog the ratings were checked against. */
    public AnimeCatalog catalog() { return catalog; }

    /** user_id ↔ user index. */
    public IdMapping users() { return users; }

    /** anime_id ↔ anime (item) index, over rated anime only. */
    public IdMapping anime() { return anime; }

    /** Users x anime, one edge per distinct (user, anime) pair. */
    public InteractionGraph graph() { return graph; }

    public LoadSummary summary() { return summary; }

    public int numUsers() { return users.size(); }

    public int numAnime() { return anime.size(); }

    public int numInteractions() { return graph.numEdges(); }

    /** The metadata of the anime at an item index. */
    public Anime animeAt(int index) {
        return catalog.byId(anime.originalId(index)).orElseThrow();
    }

    /** The item index of a MAL anime_id, or -1 when nobody interacted with it. */
    public int animeIndex(int malId) { return anime.indexOf(malId); }

    /** The user index of a MAL user_id, or -1 when the user has no interaction. */
    public int userIndex(int userId) { return users.indexOf(userId); }

    /**
     * The interactions in original ids, sorted by (user_id, anime_id): the input of a
     * {@link io.github.lightgcn.io.split.Splitter}.
     */
    public Interactions interactions() {
        return Interactions.fromGraph(graph, users, anime);
    }

    @Override
    public String toString() {
        return "MalDataset[" + numUsers() + " users x " + numAnime() + " anime, " + numInteractions() + " interactions]";
    }
}
