package io.github.lightgcn.examples.cli;

import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.model.AnimeQueryException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the demo shows after training: one real user's history next to their top 5, then the top 5 of a new user
 * who names a few famous anime (folded in, no retraining). Both leave out what the filter leaves out (adult
 * titles unless {@code --include-adult}).
 */
final class DemoShowcase {

    /** Famous anime a new user might name first; those the model does not know are skipped. */
    static final List<String> FAMOUS = List.of("Cowboy Bebop", "Steins;Gate", "Fullmetal Alchemist: Brotherhood");
    private static final int SHOWN = 5;

    private final AnimeModel model;
    private final AnimeFilter filter;
    private final IntPredicate excluded;

    DemoShowcase(AnimeModel model, AnimeFilter filter) {
        this.model = model;
        this.filter = filter;
        this.excluded = filter.excluded(model);
    }

    /**
     * A typical user: the first (by id) with 20 to 150 training anime, so that the history is neither a handful nor
     * a whole catalogue (else the first with at least 20, else the first).
     */
    int typicalUser() {
        InteractionGraph train = model.model().trainGraph();
        IntPredicate typical = u -> train.userDegree(u) >= 20 && train.userDegree(u) <= 150;
        return IntStream.range(0, train.numUsers()).filter(typical).findFirst()
                .orElse(IntStream.range(0, train.numUsers()).filter(u -> train.userDegree(u) >= 20).findFirst().orElse(0));
    }

    /** The user's best-known training anime (most MAL members first) beside their top 5. */
    void showUser(PrintWriter out, int user) {
        InteractionGraph train = model.model().trainGraph();
        AnimeFilter adultOnly = AnimeFilter.defaults().includeAdult(filter.includesAdult());
        List<AnimeInfo> history = Arrays.stream(train.itemsOf(user)).mapToObj(model::info).filter(adultOnly::accepts)
                .sorted(Comparator.comparingInt(AnimeInfo::members).reversed()).limit(SHOWN).collect(Collectors.toList());
        List<ScoredItem> top = model.model().recommendByIndex(user,
                RecommendOptions.builder().k(SHOWN).exclude(excluded).build());
        out.printf(Locale.ROOT, "user %d watched %d anime; %d of them (best known first) and their top %d%s:%n",
                model.users().originalId(user), train.userDegree(user), history.size(), SHOWN, filter.describe());
        TextTable table = new TextTable(">#", "watched:40", "recommended:40", "genres:50");
        for (int r = 0; r < Math.max(history.size(), top.size()); r++) {
            AnimeInfo rec = r < top.size() ? model.info(top.get(r).item()) : null;
            table.row(r + 1, r < history.size() ? history.get(r).title() : "", rec == null ? "" : rec.title(),
                    rec == null ? "" : String.join(", ", rec.genres()));
        }
        table.print(out);
    }

    /** A new user who likes the famous anime the model knows (or, on invented titles, its three most watched). */
    void showNewUser(PrintWriter out) {
        AnimeLookup lookup = new AnimeLookup(model);
        List<Integer> liked = new ArrayList<>();
        for (String title : FAMOUS) {
            try {
                liked.add(lookup.resolve(title));
            } catch (AnimeQueryException e) {
                // not in this model's data: the next one
            }
        }
        String why = "";
        if (liked.isEmpty()) {
            InteractionGraph train = model.model().trainGraph();
            IntStream.range(0, train.numItems()).boxed().filter(i -> !excluded.test(i))
                    .sorted(Comparator.comparingInt(train::itemDegree).reversed()).limit(3).forEach(liked::add);
            why = " (none of " + String.join(", ", FAMOUS) + " is in this data: its three most watched anime)";
        }
        int[] items = liked.stream().mapToInt(Integer::intValue).toArray();
        List<ScoredItem> top = model.model().recommendForNewUserByIndex(items,
                RecommendOptions.builder().k(SHOWN).exclude(excluded).build()).items();
        out.printf(Locale.ROOT, "a new user who likes %s%s, folded in without retraining; their top %d%s:%n",
                TerminalText.safe(liked.stream().map(i -> model.info(i).title()).collect(Collectors.joining(", "))), why,
                SHOWN,
                filter.describe());
        TextTable table = new TextTable(">rank", "title:50", "genres:50", "type");
        int rank = 0;
        for (ScoredItem s : top) {
            AnimeInfo a = model.info(s.item());
            table.row(++rank, a.title(), String.join(", ", a.genres()), a.type());
        }
        table.print(out);
    }
}
