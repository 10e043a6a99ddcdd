/**
 * File formats (the paper's adjacency lists, pair files, CSV splits), splitters, MyAnimeList data and a
 * generator of MAL-shaped data. Uses only the public API of the core; the CSV layer the readers share
 * ({@code io.github.lightgcn.io.internal}) is not exported.
 */
module io.github.lightgcn.io {
    requires transitive io.github.lightgcn.core;
    requires java.xml; // MyAnimeList list exports (StAX)

    exports io.github.lightgcn.io;
    exports io.github.lightgcn.io.split;
    exports io.github.lightgcn.io.mal;
    exports io.github.lightgcn.io.mal.model;
    exports io.github.lightgcn.io.mal.generator;
}
