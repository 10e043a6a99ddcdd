/** File formats (the paper's adjacency lists, pair files, CSV splits), MyAnimeList data, splits and a generator. */
module io.github.lightgcn.io {
    requires transitive io.github.lightgcn.core;
    requires org.apache.commons.csv;
    requires java.xml; // MyAnimeList list exports (StAX)

    exports io.github.lightgcn.io;
    exports io.github.lightgcn.io.mal;
}
