package io.github.lightgcn.io.mal;

import java.util.List;
import java.util.Optional;

/**
 * A MyAnimeList list export (the XML file MAL's export page produces), as read by {@link MalListReader}: the user
 * name of {@code <myinfo>} if any and every {@code <anime>} entry in file order.
 */
public record MalListExport(Optional<String> userName, List<MalListEntry> entries) {

    public MalListExport {
        entries = List.copyOf(entries);
    }
}
