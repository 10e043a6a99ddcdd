package io.github.lightgcn.io.mal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Title lookups and entity decoding on a hand-made catalog (no shared data needed). */
class TitleIndexTest {

    private static Anime anime(int id, String name, int members) {
        return new Anime(id, name, List.of(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                OptionalInt.of(members));
    }

    private static final AnimeCatalog CATALOG = AnimeCatalog.of(List.of(
            anime(1, "Cowboy Bebop", 486_824),
            anime(5, "Cowboy Bebop: Tengoku no Tobira", 137_636),
            anime(6, "Trigun", 283_069),
            anime(9253, "Steins;Gate", 673_572),
            anime(11577, "Steins;Gate Movie: Fuka Ryouiki no Déjà vu", 192_424),
            anime(1735, "Naruto: Shippuuden", 533_578)));

    private static int id(TitleMatch m) {
        return switch (m) {
            case TitleMatch.Exact e -> e.anime().id();
            case TitleMatch.Prefix p -> p.anime().id();
            default -> throw new AssertionError("not found: " + m);
        };
    }

    @Test
    void exactIgnoresCaseAccentsAndSpacing() {
        assertEquals(1, id(CATALOG.titles().resolve("  cowboy   BEBOP ")));
        assertInstanceOf(TitleMatch.Exact.class, CATALOG.titles().resolve("steins;gate movie: fuka ryouiki no deja vu"));
    }

    @Test
    void uniquePrefixElseAmbiguous() {
        TitleMatch trig = CATALOG.titles().resolve("trig");
        assertInstanceOf(TitleMatch.Prefix.class, trig);
        assertEquals(6, id(trig));
        TitleMatch.Ambiguous cowboy = assertInstanceOf(TitleMatch.Ambiguous.class, CATALOG.titles().resolve("Cowboy"));
        assertEquals(List.of(1, 5), cowboy.candidates().stream().map(Anime::id).toList());
        assertFalse(cowboy.found());
    }

    @Test
    void closeMatchesForUnknownTitles() {
        TitleIndex t = CATALOG.titles();
        assertEquals(List.of(1735), ids(t.resolve("Naruto Shipuden")));        // typo, punctuation
        assertEquals(List.of(9253, 11577), ids(t.resolve("Steins Gate")));      // exact compact, then contains
        assertEquals(List.of(1, 5), ids(t.resolve("bebop")));                   // substring, popular first
        assertEquals(List.of(6), ids(t.resolve("Trigum")));
        assertEquals(List.of(), ids(t.resolve("Kimi no Na wa.")));
        assertEquals(List.of(), t.suggest("", 5));
        assertEquals(1, t.suggest("bebop", 1).size());
    }

    private static List<Integer> ids(TitleMatch m) {
        return assertInstanceOf(TitleMatch.NotFound.class, m).suggestions().stream().map(Anime::id).toList();
    }

    @Test
    void levenshteinWithBound() {
        assertEquals(3, TitleIndex.distance("kitten", "sitting", 5));
        assertEquals(2, TitleIndex.distance("kitten", "sitting", 1)); // bound + 1 once it must exceed
        assertEquals(0, TitleIndex.distance("", "", 0));
    }

    @Test
    void htmlEntities() {
        assertEquals("Gintama'", HtmlEntities.decode("Gintama&#039;"));
        assertEquals("<&>\"'é€", HtmlEntities.decode("&lt;&amp;&gt;&quot;&apos;&#xe9;&#8364;"));
        assertEquals("&amp", HtmlEntities.decode("&amp"));
        assertEquals("&nbsp; &#xZZ; &#1114112;", HtmlEntities.decode("&nbsp; &#xZZ; &#1114112;"));
        assertEquals("&lt;", HtmlEntities.decode("&amp;lt;")); // one level only
        String plain = "Cowboy Bebop";
        assertSame(plain, HtmlEntities.decode(plain));
        assertEquals("A &amp; B&#039;s &quot;C&quot; &lt;&gt;", HtmlEntities.encode("A & B's \"C\" <>"));
    }
}
