package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntPredicate;

import static io.github.lightgcn.io.mal.model.TinyAnimeModel.anime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnimeFilterTest {

    // item score = MAL id (dim 1, user embedding 1): the unfiltered order is by id, descending
    private static final AnimeModel MODEL = TinyAnimeModel.of(List.of(
            anime(10, "Adult One", "Hentai", "OVA", 5000),
            anime(11, "Comedy TV", "Comedy, School", "TV", 90000),
            anime(12, "Comedy Movie", "Comedy", "Movie", 300),
            anime(13, "Drama TV", "Drama", "TV", -1),
            anime(14, "Adult Two", "Romance, hentai", "TV", 70000)));

    private static List<Integer> recommended(AnimeFilter filter) {
        IntPredicate excluded = filter.excluded(MODEL);
        List<ScoredItem> top = MODEL.model().recommendByIndex(0, RecommendOptions.builder().k(10)
                .excludeTrainingItems(false).exclude(excluded).build());
        return top.stream().map(s -> MODEL.info(s.item()).id()).toList();
    }

    @Test
    void adultTitlesAreLeftOutByDefault() {
        assertEquals(List.of(13, 12, 11), recommended(AnimeFilter.defaults()));
        assertEquals(List.of(14, 13, 12, 11, 10), recommended(AnimeFilter.defaults().includeAdult(true)));
    }

    @Test
    void genreTypeAndMembersCombine() {
        assertEquals(List.of(12, 11), recommended(AnimeFilter.defaults().genre("comedy")));
        assertEquals(List.of(13, 11), recommended(AnimeFilter.defaults().type("tv")));
        assertEquals(List.of(11), recommended(AnimeFilter.defaults().genre("Comedy").type("TV")));
        // an unknown member count is not "at least 1000"
        assertEquals(List.of(11), recommended(AnimeFilter.defaults().minMembers(1000)));
        assertEquals(List.of(14, 11, 10), recommended(AnimeFilter.defaults().minMembers(1000).includeAdult(true)));
        assertEquals(", genre Comedy, type TV, at least 1000 members",
                AnimeFilter.defaults().genre("Comedy").type("TV").minMembers(1000).describe());
        assertEquals("", AnimeFilter.defaults().includeAdult(true).describe());
    }

    @Test
    void filtersThatKeepTheSameAnimeAreEqualAndShareTheirTable() {
        AnimeFilter a = AnimeFilter.defaults().genre("Comedy").type("TV"), b = AnimeFilter.defaults().genre("comedy")
                .type("tv");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!a.equals(a.includeAdult(true)) && !a.equals(a.minMembers(1)));
        assertEquals(recommended(a), recommended(b));
        int before = MODEL.exclusions().size();
        a.excluded(MODEL);
        b.excluded(MODEL);
        assertEquals(before, MODEL.exclusions().size());
    }

    @Test
    void unknownGenresAndTypesAndBadBoundsAreRefused() {
        AnimeQueryException genre = assertThrows(AnimeQueryException.class,
                () -> AnimeFilter.defaults().genre("Cooking").excluded(MODEL));
        assertTrue(genre.getMessage().startsWith("unknown genre 'Cooking'; the model's genres: Comedy, Drama"),
                genre.getMessage());
        AnimeQueryException type = assertThrows(AnimeQueryException.class,
                () -> AnimeFilter.defaults().type("ONA").excluded(MODEL));
        assertEquals("unknown type 'ONA'; the model's types: Movie, OVA, TV", type.getMessage());
        assertThrows(AnimeQueryException.class, () -> AnimeFilter.defaults().minMembers(-1));
        assertThrows(AnimeQueryException.class, () -> AnimeFilter.defaults().minMembers(100_000_001));
    }
}
