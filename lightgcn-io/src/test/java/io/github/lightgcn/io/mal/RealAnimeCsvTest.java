package io.github.lightgcn.io.mal;

import io.github.lightgcn.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counts of shared/data/mal/README.md, as the loader sees the real anime.csv. */
class RealAnimeCsvTest {

    private static AnimeCatalog catalog;

    @BeforeAll
    static void load() throws IOException {
        catalog = AnimeCsv.read(SharedData.require("data/mal/anime.csv"));
    }

    @Test
    void rowsAndIds() {
        assertEquals(12_294, catalog.size());
        assertEquals(12_294, catalog.ids().size());
        assertEquals(34_527, catalog.get(catalog.size() - 1).id());
    }

    @Test
    void genresAndTypes() {
        assertEquals(43, catalog.genres().size());
        assertTrue(catalog.genres().containsAll(List.of("Action", "Slice of Life", "Sci-Fi", "Shoujo Ai", "Yuri")));
        assertEquals(Map.of("TV", 3787, "OVA", 3311, "Movie", 2348, "Special", 1676, "ONA", 659, "Music", 488),
                catalog.countByType());
    }

    @Test
    void absentValues() {
        CatalogSummary s = catalog.summary();
        assertEquals(62, s.emptyGenre());
        assertEquals(25, s.emptyType());
        assertEquals(230, s.emptyRating());
        assertEquals(340, s.unknownEpisodes());
        assertEquals(0, s.emptyMembers());
    }

    /**
     * The README counts 290 names with {@code &#039;}, {@code &quot;} or {@code &amp;}; two more names hold
     * {@code &gt;} (and nothing else), so 292 names are decoded in all.
     */
    @Test
    void htmlEntitiesDecoded() {
        assertEquals(292, catalog.summary().namesDecoded());
        List<Anime> withGt = catalog.all().stream().filter(a -> a.name().contains("->")).toList();
        assertEquals(List.of("Rin x Sen + Ran -> Sem: Cross Mix", "Ran->Sem: Hakudaku Delmo Tsuma no Miira Tori"),
                withGt.stream().sorted((a, b) -> -a.name().compareTo(b.name())).map(Anime::name).toList());
        assertEquals(290, catalog.summary().namesDecoded() - withGt.size());
        for (Anime a : catalog.all()) assertFalse(a.name().matches(".*&(#\\d+|#x\\p{XDigit}+|amp|quot|lt|gt);.*"), a.name());
    }

    @Test
    void apostropheEntity() {
        assertEquals("Gintama'", catalog.byId(9969).orElseThrow().name());
        assertEquals("Tiger & Bunny", catalog.byId(9941).orElseThrow().name());
    }

    @Test
    void oneRowInFull() {
        Anime a = catalog.byId(5114).orElseThrow();
        assertEquals("Fullmetal Alchemist: Brotherhood", a.name());
        assertEquals(List.of("Action", "Adventure", "Drama", "Fantasy", "Magic", "Military", "Shounen"), a.genres());
        assertEquals(Optional.of("TV"), a.type());
        assertEquals(OptionalInt.of(64), a.episodes());
        assertEquals(OptionalDouble.of(9.26), a.rating());
        assertEquals(OptionalInt.of(793_665), a.members());
        assertEquals("Gintama°", catalog.byId(28977).orElseThrow().name());
    }

    @Test
    void titleLookups() {
        TitleIndex titles = catalog.titles();
        assertEquals(1, ((TitleMatch.Exact) titles.resolve("cowboy bebop")).anime().id());
        assertEquals(9253, ((TitleMatch.Exact) titles.resolve("Steins;Gate")).anime().id());
        assertEquals(6, ((TitleMatch.Exact) titles.resolve("TRIGUN")).anime().id());
        // "Déjà vu" typed without accents; unique prefix
        assertInstanceOf(TitleMatch.Prefix.class, titles.resolve("steins;gate movie: fuka ryouiki no deja"));
        TitleMatch.Ambiguous steins = assertInstanceOf(TitleMatch.Ambiguous.class, titles.resolve("steins"));
        assertEquals(List.of(9253, 11577, 10863, 30484, 32188, 27957),
                steins.candidates().stream().map(Anime::id).toList()); // most members first
        TitleMatch.Ambiguous twins = assertInstanceOf(TitleMatch.Ambiguous.class, titles.resolve("Saru Kani Gassen"));
        assertEquals(List.of(30059, 22399), twins.candidates().stream().map(Anime::id).toList());
        TitleMatch.NotFound typo = assertInstanceOf(TitleMatch.NotFound.class, titles.resolve("Cowboy Bebpo"));
        assertEquals(1, typo.suggestions().getFirst().id());
        TitleMatch.NotFound spaced = assertInstanceOf(TitleMatch.NotFound.class, titles.resolve("Steins Gate"));
        assertEquals(9253, spaced.suggestions().getFirst().id());
    }
}
