package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.MalListEntry;
import io.github.lightgcn.io.mal.MalListExport;
import io.github.lightgcn.io.mal.MalListStatus;
import io.github.lightgcn.io.mal.MalListTaste;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.github.lightgcn.io.mal.model.TinyAnimeModel.anime;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MalListLikesTest {

    private static final AnimeModel MODEL = TinyAnimeModel.of(List.of(
            anime(1, "A", "Action", "TV", 10), anime(2, "B", "Drama", "TV", 10), anime(3, "C", "Comedy", "TV", 10),
            anime(4, "D", "Comedy", "TV", 10), anime(5, "E", "Comedy", "TV", 10)));

    private static MalListEntry entry(int id, int score, MalListStatus status) {
        return new MalListEntry(id, "t" + id, score, status, id);
    }

    @Test
    void everyEntryIsUsedIgnoredOrUnknownAndEveryKnownListedAnimeIsExcluded() {
        MalListExport export = new MalListExport(Optional.of("fan"), List.of(
                entry(1, 9, MalListStatus.COMPLETED),      // used
                entry(2, 0, MalListStatus.WATCHING),       // used: no score
                entry(3, 4, MalListStatus.COMPLETED),      // ignored: low score
                entry(4, 8, MalListStatus.DROPPED),        // ignored: dropped
                entry(5, 0, MalListStatus.PLAN_TO_WATCH),  // ignored: plan to watch
                entry(99, 10, MalListStatus.ON_HOLD)));    // unknown to the model
        MalListLikes likes = MalListLikes.of(MODEL, MalListTaste.of(export, 7));
        assertEquals(List.of(1, 2), Arrays.stream(likes.likedItems()).map(MODEL.anime()::originalId).boxed().toList());
        assertEquals(List.of(1, 2, 3, 4, 5),
                Arrays.stream(likes.listedItems()).map(MODEL.anime()::originalId).boxed().toList());
        assertEquals(2, likes.used());
        assertEquals(1, likes.unknown());
        assertEquals("6 entries: 2 used as likes; 3 ignored (1 dropped, 1 scored below 7, 1 plan to watch); "
                + "1 unknown to the model", likes.summary());
    }
}
