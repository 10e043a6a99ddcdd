package io.github.lightgcn.examples.cli;

import io.github.lightgcn.examples.anime.AnimeTables;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.io.mal.MalListReader;
import io.github.lightgcn.io.mal.MalListTaste;
import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.model.MalListLikes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * {@code lightgcn recommend}: the top anime for a MAL user of the training data (their training anime excluded),
 * for a new user described by anime they like, or for the owner of a MyAnimeList list export; new users are folded
 * in through the trained item embeddings (the library's {@code recommendForNewUser}). Adult titles are left out
 * unless asked for; optional genre, type and member-count filters.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recommend anime for a user of the training data (--user), for a new user given the anime "
                + "they like (--likes), or for the owner of a MyAnimeList list export (--mal-list), from a model "
                + "trained with 'lightgcn train --anime ... --ratings ...'. Adult titles (genre Hentai) are left "
                + "out unless --include-adult.",
                "--likes and --mal-list fold the new user in without retraining: one LightGCN propagation hop from "
                        + "the liked anime, u = sum of e_i / sqrt(|likes| * d_i) over the trained item embeddings "
                        + "e_i, d_i = the anime's number of training interactions."},
        footer = {"", "Examples:", "  lightgcn recommend --model anime.lgcn --user 73000 -n 10 --genre Comedy",
                "  lightgcn recommend --model anime.lgcn --likes \"Cowboy Bebop,Steins;Gate,5114\"",
                "  lightgcn recommend --model anime.lgcn --mal-list animelist.xml.gz \\",
                "      --min-score 8"})
final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by train.")
    Path modelFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    static final class Who {
        @Option(names = "--user", paramLabel = "MAL_USER_ID", description = "A user_id of the training data.")
        Integer user;

        @Option(names = "--likes", paramLabel = "TITLES", description = "Comma-separated anime titles "
                + "(case-insensitive, exact or unique prefix) or MAL ids; id:N or title:T when a number is both.")
        String likes;

        @Option(names = "--mal-list", paramLabel = "FILE", description = "A MyAnimeList list export (animelist.xml, "
                + "or .xml.gz as MAL's export page gives it). Completed, Watching and On-Hold entries with no "
                + "score or a score of at least --min-score are the likes; every listed anime is left out.")
        Path malList;
    }

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "7",
            description = "With --mal-list: the lowest score (1-10) that counts as a like. Default: ${DEFAULT-VALUE}.")
    int minScore;

    @Mixin
    TopOption count;

    @Mixin
    AnimeFilterOptions filterOptions;

    @Override
    public Integer call() throws IOException {
        int n = count.value(spec);
        if (minScore < 1 || minScore > 10) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--min-score': must be in "
                    + "[1, 10], got " + minScore);
        }
        if (who.malList == null && spec.commandLine().getParseResult().hasMatchedOption("--min-score")) {
            throw new ParameterException(spec.commandLine(), "--min-score is only used with --mal-list");
        }
        AnimeFilter filter = filterOptions.filter(spec);
        InputFiles.require("--model", modelFile);
        AnimeModel model = AnimeModel.load(modelFile);
        IntPredicate excluded = filter.excluded(model);
        PrintWriter out = spec.commandLine().getOut();
        List<ScoredItem> top;
        if (who.user != null) {
            int user = model.users().indexOf(who.user);
            if (user < 0) {
                throw new CliFailure("user " + who.user + " is not in the model's training data ("
                        + model.users().size() + " users); for a new user use --likes");
            }
            top = model.model().recommendByIndex(user, RecommendOptions.builder().k(n).exclude(excluded).build());
            out.printf(Locale.ROOT, "top %d for user %d (%d anime seen, excluded)%s%s:%n", top.size(), who.user,
                    model.model().trainGraph().userDegree(user), filter.describe(), count.shown(top.size()));
        } else if (who.likes != null) {
            int[] liked = new AnimeLookup(model).resolveList(who.likes);
            top = model.model().recommendForNewUserByIndex(liked,
                    RecommendOptions.builder().k(n).exclude(excluded).build()).items();
            out.printf(Locale.ROOT, "top %d for a new user who likes %s%s%s:%n", top.size(), TerminalText.safe(Arrays
                    .stream(liked).mapToObj(i -> model.info(i).title()).collect(Collectors.joining(", "))),
                    filter.describe(), count.shown(top.size()));
        } else {
            MalListLikes list = MalListLikes.of(model, MalListTaste.of(MalListReader.read(who.malList), minScore));
            out.printf(Locale.ROOT, "%s: %s%n", who.malList, list.summary());
            if (list.used() == 0) {
                throw new CliFailure(who.malList + " has no like the model knows (" + list.summary()
                        + "); try a lower --min-score");
            }
            boolean[] listed = new boolean[model.allInfo().size()];
            for (int i : list.listedItems()) listed[i] = true;
            top = model.model().recommendForNewUserByIndex(list.likedItems(), RecommendOptions.builder().k(n)
                    .exclude(i -> listed[i] || excluded.test(i)).build()).items();
            out.printf(Locale.ROOT, "top %d for the owner of %s (%d likes; every listed anime excluded)%s%s:%n",
                    top.size(), who.malList.getFileName(), list.used(), filter.describe(), count.shown(top.size()));
        }
        if (top.isEmpty()) throw new CliFailure("no anime left to recommend" + filter.describe());
        AnimeTables.recommendations(top, model).print(out);
        return 0;
    }
}
