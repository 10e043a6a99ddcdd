package io.github.lightgcn.examples.anime;

import io.github.lightgcn.examples.cli.TextTable;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.ScoredItem;

import java.util.List;
import java.util.Locale;

/** The tables the anime commands print. */
public final class AnimeTables {

    private AnimeTables() {}

    /** rank, title, genres, type, score. */
    public static TextTable recommendations(List<ScoredItem> items, AnimeModel model) {
        TextTable table = new TextTable(">rank", "title:50", "genres:60", "type", ">score");
        int rank = 0;
        for (ScoredItem s : items) {
            AnimeInfo a = model.info(s.item());
            table.row(++rank, a.title(), String.join(", ", a.genres()), a.type(),
                    String.format(Locale.ROOT, "%.3f", s.score()));
        }
        return table;
    }
}
