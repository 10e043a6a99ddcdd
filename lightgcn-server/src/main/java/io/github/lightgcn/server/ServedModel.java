package io.github.lightgcn.server;

import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * One loaded model and what every request needs from it, built once per load: the title lookup, the title search
 * and the items each filter leaves out. Immutable apart from the filter cache; a reload builds a new one, and
 * requests in flight finish on the one they started with.
 */
final class ServedModel {

    /** Filters differ by genre, type, member bound and adult titles: a few hundred cover real traffic. */
    private static final int MAX_CACHED_FILTERS = 512;

    private final AnimeModel anime;
    private final Path file;
    private final Instant loadedAt;
    private final AnimeLookup lookup;
    private final AnimeSearch search;
    private final Map<String, IntPredicate> excluded = new ConcurrentHashMap<>();

    ServedModel(AnimeModel anime, Path file, Instant loadedAt) {
        this.anime = anime;
        this.file = file;
        this.loadedAt = loadedAt;
        this.lookup = new AnimeLookup(anime);
        this.search = new AnimeSearch(anime);
        anime.catalog(); // the title index is built on first use: now, not in the first request after a reload
    }

    AnimeModel anime() { return anime; }

    Path file() { return file; }

    Instant loadedAt() { return loadedAt; }

    AnimeLookup lookup() { return lookup; }

    AnimeSearch search() { return search; }

    /**
     * The items {@code filter} leaves out (the io layer's {@link AnimeFilter#excluded}, so the command line and the
     * service leave out the same anime), cached by the filter's description.
     *
     * @throws io.github.lightgcn.io.mal.model.AnimeQueryException for a genre or type the model does not have
     */
    IntPredicate excluded(AnimeFilter filter) {
        String key = filter.describe().toLowerCase(Locale.ROOT);
        IntPredicate cached = excluded.get(key);
        if (cached != null) return cached;
        IntPredicate computed = filter.excluded(anime); // throws for an unknown genre or type: nothing cached
        if (excluded.size() < MAX_CACHED_FILTERS) excluded.putIfAbsent(key, computed);
        return computed;
    }
}
