package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.random.Rng;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plausible, distinct anime titles: romanised Japanese and English patterns like the real catalog's
 * ({@code Hoshi no Kanata}, {@code Tiger & Bunny}, {@code Kaito's Last Summer}), with franchise entries
 * ({@code 2nd Season}, {@code Movie}, {@code : Subtitle}, {@code OVA}, {@code Specials}) and a few decorations
 * ({@code ☆}, {@code °}, accents), so that title lookup and HTML-entity decoding have something to do.
 */
final class TitleMaker {

    private static final List<String> JAPANESE = List.of(
            "Hoshi", "Sora", "Kaze", "Yume", "Hikari", "Tsuki", "Umi", "Hana", "Kokoro", "Mirai", "Kimi", "Boku",
            "Sekai", "Tenshi", "Akuma", "Mahou", "Shoujo", "Shounen", "Gakuen", "Kaitou", "Senki", "Densetsu",
            "Monogatari", "Bouken", "Himitsu", "Ginga", "Kyojin", "Ookami", "Neko", "Inu", "Kitsune", "Ryuu",
            "Tengoku", "Jigoku", "Kanata", "Namida", "Uta", "Koi", "Natsu", "Fuyu", "Haru", "Aki", "Yoru", "Asa",
            "Shinobi", "Samurai", "Kenshi", "Majo", "Hime", "Ouji", "Sensei", "Senpai", "Tomodachi", "Kazoku",
            "Machi", "Mura", "Shiro", "Kuro", "Aoi", "Akai", "Nijiiro", "Hagane", "Tetsu", "Honoo", "Kouri");

    private static final List<String> ENGLISH = List.of(
            "Dragon", "Knight", "Angel", "Star", "Moon", "Ghost", "Hunter", "Blade", "Heart", "Soul", "Dream",
            "Sky", "Sword", "Shadow", "Crystal", "Rose", "Wing", "Storm", "Flame", "Legend", "Quest", "Garden",
            "Academy", "Chronicle", "Symphony", "Melody", "Paradise", "Fortress", "Empire", "Frontier", "Galaxy",
            "Planet", "Machine", "Robot", "Princess", "Prince", "Witch", "Wizard", "Detective", "Pirate", "Tiger",
            "Bunny", "Wolf", "Fox", "Cat", "Idol", "Band", "Club", "Diary", "Memory", "Summer", "Winter", "Café");

    private static final List<String> ADJECTIVES = List.of(
            "Little", "Last", "Eternal", "Silent", "Brave", "Crimson", "Golden", "Silver", "Dark", "Bright",
            "Wild", "Lost", "Hidden", "Final", "Infinite", "Magical", "Lovely", "Super", "Strike", "Burning",
            "Frozen", "Secret", "Cosmic", "Sweet", "Iron");

    private static final List<String> NAMES = List.of(
            "Kaito", "Yuki", "Haruka", "Sakura", "Ren", "Akira", "Hikaru", "Nanoha", "Madoka", "Rin", "Sora",
            "Kenji", "Aoi", "Mio", "Takeru", "Shiro", "Hina", "Riku", "Emi", "Daichi");

    private static final List<String> SUBTITLES = List.of(
            "Tengoku no Tobira", "Shinsekai-hen", "The Movie", "Final Chapter", "Kanketsu-hen", "Beginning",
            "Mirai-hen", "Kako-hen", "Recap", "Prologue", "Another Story", "Road to Tomorrow", "Yume no Tsuzuki",
            "Special Edition", "Gaiden", "Zero", "Next Stage", "Rebirth");

    private final Rng rng;
    private final Set<String> used = new HashSet<>();

    TitleMaker(Rng rng) {
        this.rng = rng;
    }

    private String pick(List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }

    /** A new franchise's first title. */
    String base() {
        int r = rng.nextInt(100);
        String title;
        if (r < 45) title = pick(JAPANESE) + " no " + pick(JAPANESE);
        else if (r < 60) title = pick(JAPANESE) + " " + pick(JAPANESE);
        else if (r < 76) title = pick(ADJECTIVES) + " " + pick(ENGLISH);
        else if (r < 88) title = pick(JAPANESE) + " " + pick(JAPANESE) + ": " + pick(ADJECTIVES) + " " + pick(ENGLISH);
        else if (r < 97) title = pick(NAMES) + "-kun to " + pick(JAPANESE);
        else if (r < 98) title = pick(ENGLISH) + " & " + pick(ENGLISH);      // &amp; in the file
        else if (r < 99) title = pick(NAMES) + "'s " + pick(ENGLISH);        // &#039;
        else title = "\"" + pick(ENGLISH) + "\" " + pick(ENGLISH);          // &quot;
        return decorate(title);
    }

    /** The occasional non-ASCII decoration of real titles (Madoka★Magica, Gintama°, Yuu☆Yuu). */
    private String decorate(String title) {
        return switch (rng.nextInt(40)) {
            case 0 -> title.replaceFirst(" ", "☆");
            case 1 -> title + "°";
            case 2 -> title.replaceFirst(" ", "★");
            default -> title;
        };
    }

    /** A title for entry {@code n} (1, 2, ...) of a franchise, matching its type. */
    String sequel(String base, String type, int n) {
        return switch (type) {
            case "Movie" -> base + (rng.nextInt(2) == 0 ? " Movie" : " Movie " + n) + ": " + pick(SUBTITLES);
            case "OVA" -> base + (rng.nextInt(8) == 0 ? "'" : " OVA");
            case "Special" -> base + (rng.nextInt(2) == 0 ? " Specials" : ": " + pick(SUBTITLES));
            case "Music" -> base + ": " + pick(ENGLISH) + " Song";
            default -> base + (n == 1 ? " 2nd Season" : n == 2 ? " 3rd Season" : ": " + pick(SUBTITLES));
        };
    }

    /** {@code title}, or a variant of it that was not used yet (as the real catalog does: "(TV)", "(1939)"). */
    String unique(String title) {
        String t = title;
        while (!used.add(t)) {
            t = title + switch (rng.nextInt(3)) {
                case 0 -> " (" + (1960 + rng.nextInt(58)) + ")";
                case 1 -> " (TV)";
                default -> " " + (2 + rng.nextInt(9));
            };
        }
        return t;
    }
}
