package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.model.AnimeQueryException.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.lightgcn.io.mal.model.TinyAnimeModel.anime;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnimeLookupTest {

    private static final AnimeModel MODEL = TinyAnimeModel.of(List.of(
            anime(1, "Cowboy Bebop", "Action, Sci-Fi", "TV", 480000),
            anime(5, "Cowboy Bebop: Tengoku no Tobira", "Action, Sci-Fi", "Movie", 150000),
            anime(86, "Eighty", "Drama", "TV", 1000),
            anime(300, "001", "Comedy", "OVA", 500),
            anime(400, "86", "Action", "TV", 90000),
            anime(9253, "Steins;Gate", "Sci-Fi, Thriller", "TV", 680000),
            anime(777, "Ai no Kusabi", "Hentai, Romance", "OVA", 20000)));
    private static final AnimeLookup LOOKUP = new AnimeLookup(MODEL);

    private static int id(int item) { return MODEL.info(item).id(); }

    @Test
    void titlesPrefixesAndIds() {
        assertEquals(1, id(LOOKUP.resolve("cowboy bebop")));
        assertEquals(9253, id(LOOKUP.resolve("Steins")));
        assertEquals(5, id(LOOKUP.resolve("5")));
        assertEquals(9253, id(LOOKUP.resolve("id:9253")));
        assertEquals(1, id(LOOKUP.resolve("ID: 1")));
    }

    @Test
    void aNumberWithALeadingZeroIsATitleNotAnId() {
        // "001" used to mean id 1 (Cowboy Bebop) silently
        assertEquals(300, id(LOOKUP.resolve("001")));
        assertEquals(300, id(LOOKUP.resolve("title:001")));
        assertEquals(5, id(LOOKUP.resolve("0005"))); // no title "0005": then it is the id after all
    }

    @Test
    void aNumberThatIsAnIdAndAnotherAnimesTitleIsAnAmbiguity() {
        AnimeQueryException e = assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("86"));
        assertEquals(Kind.AMBIGUOUS, e.kind());
        assertTrue(e.getMessage().contains("id:86") && e.getMessage().contains("title:86"), e.getMessage());
        assertEquals(List.of(86, 400), e.suggestions().stream().map(AnimeInfo::id).toList());
        assertEquals(86, id(LOOKUP.resolve("id:86")));
        assertEquals(400, id(LOOKUP.resolve("title:86")));
    }

    @Test
    void unknownAndAmbiguousTitlesSaySoWithSuggestions() {
        AnimeQueryException unknown = assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("Stains;Gate"));
        assertEquals(Kind.UNKNOWN, unknown.kind());
        assertEquals(9253, unknown.suggestions().get(0).id());
        AnimeQueryException ambiguous = assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("Cowboy"));
        assertEquals(Kind.AMBIGUOUS, ambiguous.kind());
        assertEquals(2, ambiguous.suggestions().size());
        assertEquals(Kind.UNKNOWN, assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("id:4242")).kind());
        assertEquals(Kind.INVALID, assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("id:abc")).kind());
        assertEquals(Kind.INVALID, assertThrows(AnimeQueryException.class, () -> LOOKUP.resolve("  ")).kind());
    }

    @Test
    void resolveEachKeepsTheFailuresInsteadOfStopping() {
        AnimeLookup.Resolution r = LOOKUP.resolveEach(List.of("Cowboy Bebop", "nope nope", "9253", "cowboy bebop"));
        assertArrayEquals(new int[] {1, 9253}, java.util.Arrays.stream(r.items()).map(MODEL.anime()::originalId).toArray());
        assertEquals(1, r.failures().size());
        assertEquals("nope nope", r.failures().get(0).query());
    }
}
