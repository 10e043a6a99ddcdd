package io.github.lightgcn.io.mal;

import java.util.List;
import java.util.Random;

/**
 * Realistic MyAnimeList list exports for tests: the element set and layout of MAL's export page (myinfo with its
 * counters, every per-anime field, CDATA titles and comments, zero scores for unscored entries, all statuses).
 */
final class MalListExports {

    private MalListExports() {}

    static final List<String> STATUSES = List.of("Watching", "Completed", "On-Hold", "Dropped", "Plan to Watch");

    /** One generated export with {@code n} distinct anime. */
    static String generate(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
        sb.append("\t\t<!--\n\t\t Created by XML Export feature at MyAnimeList.net\n\t\t Version 1.1.0\n\t\t-->\n\n");
        sb.append("\t\t<myanimelist>\n\n\t\t\t<myinfo>\n");
        sb.append("\t\t\t\t<user_id>").append(1000 + r.nextInt(100000)).append("</user_id>\n");
        sb.append("\t\t\t\t<user_name>fan_").append(r.nextInt(1000)).append("</user_name>\n");
        sb.append("\t\t\t\t<user_export_type>1</user_export_type>\n");
        sb.append("\t\t\t\t<user_total_anime>").append(n).append("</user_total_anime>\n");
        sb.append("\t\t\t</myinfo>\n\n");
        java.util.Set<Integer> ids = new java.util.LinkedHashSet<>();
        while (ids.size() < n) ids.add(1 + r.nextInt(40000));
        for (int id : ids) {
            String status = STATUSES.get(r.nextInt(STATUSES.size()));
            int score = status.equals("Plan to Watch") || r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(10);
            sb.append("\t\t\t\t<anime>\n");
            sb.append("\t\t\t\t\t<series_animedb_id>").append(id).append("</series_animedb_id>\n");
            sb.append("\t\t\t\t\t<series_title><![CDATA[").append(title(r, id)).append("]]></series_title>\n");
            sb.append("\t\t\t\t\t<series_type>TV</series_type>\n");
            sb.append("\t\t\t\t\t<series_episodes>").append(1 + r.nextInt(50)).append("</series_episodes>\n");
            sb.append("\t\t\t\t\t<my_id>0</my_id>\n");
            sb.append("\t\t\t\t\t<my_watched_episodes>").append(r.nextInt(50)).append("</my_watched_episodes>\n");
            sb.append("\t\t\t\t\t<my_start_date>0000-00-00</my_start_date>\n");
            sb.append("\t\t\t\t\t<my_finish_date>0000-00-00</my_finish_date>\n");
            sb.append("\t\t\t\t\t<my_rated></my_rated>\n");
            sb.append("\t\t\t\t\t<my_score>").append(score).append("</my_score>\n");
            sb.append("\t\t\t\t\t<my_storage></my_storage>\n");
            sb.append("\t\t\t\t\t<my_status>").append(status).append("</my_status>\n");
            sb.append("\t\t\t\t\t<my_comments><![CDATA[]]></my_comments>\n");
            sb.append("\t\t\t\t\t<my_times_watched>0</my_times_watched>\n");
            sb.append("\t\t\t\t\t<my_tags><![CDATA[]]></my_tags>\n");
            sb.append("\t\t\t\t\t<update_on_import>0</update_on_import>\n");
            sb.append("\t\t\t\t</anime>\n\n");
        }
        sb.append("\t\t</myanimelist>\n");
        return sb.toString();
    }

    private static final String[] WORDS = {"Cowboy", "Bebop", "Steins;Gate", "Shingeki no Kyojin", "Gintama°",
            "K-On!!", "Fate/Zero", "Re:Zero", "Toradora!", "Mononoke Hime", "Kimi no Na wa.", "Hunter x Hunter",
            "Natsume Yuujinchou", "Clannad: After Story", "\"Bungaku Shoujo\" Movie", "Tom & Jerry", "<3 Nyan",
            "Ookami to Koushinryou", "進撃の巨人", "Mahou Shoujo Madoka★Magica"};

    static String title(Random r, int id) {
        return WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? " " + WORDS[r.nextInt(WORDS.length)] : "") + " #" + id;
    }
}
