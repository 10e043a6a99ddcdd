package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.examples.anime.AnimeTables;
import io.github.lightgcn.examples.training.Defaults;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * {@code lightgcn recommend}: the top anime for a MAL user of the training data (their training anime excluded),
 * or for a new user described by anime they like, folded in through the trained item embeddings (the library's
 * {@code recommendForNewUser}; the liked anime excluded). Optional genre and type filters.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recommend anime for a user of the training data (--user) or for a new user given the anime "
                + "they like (--likes), from a model trained with 'lightgcn train --anime ... --ratings ...'.",
                "--likes folds the new user in without retraining: one LightGCN propagation hop from the liked "
                        + "anime, u = sum of e_i / sqrt(|likes| * d_i) over the trained item embeddings e_i, "
                        + "d_i = the anime's number of training interactions."},
        footer = {"", "Examples:", "  lightgcn recommend --model anime.lgcn --user 73000 -n 10 --genre Comedy",
                "  lightgcn recommend --model anime.lgcn --likes \"Cowboy Bebop,Trigun,5114\""})
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

        @Option(names = "--likes", paramLabel = "TITLES",
                description = "Comma-separated anime titles (case-insensitive, exact or unique prefix) or MAL ids.")
        String likes;
    }

    @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = Defaults.TOP,
            description = "How many anime. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--genre", paramLabel = "GENRE", description = "Only anime of this genre (e.g. Comedy).")
    String genre;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only anime of this type (TV, Movie, OVA, ...).")
    String type;

    @Override
    public Integer call() throws IOException {
        if (n < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '-n': must be >= 1, got " + n);
        AnimeModel model = AnimeModel.load(modelFile);
        RecommendOptions options = RecommendOptions.builder().k(n).exclude(filter(model)).build();
        PrintWriter out = spec.commandLine().getOut();
        List<ScoredItem> top;
        if (who.user != null) {
            int user = model.users().indexOf(who.user);
            if (user < 0) {
                throw new CliFailure("user " + who.user + " is not in the model's training data ("
                        + model.users().size() + " users); for a new user use --likes");
            }
            top = model.model().recommendByIndex(user, options);
            out.printf(Locale.ROOT, "top %d for user %d (%d anime seen, excluded)%s:%n", n, who.user,
                    model.model().trainGraph().userDegree(user), filterNote());
        } else {
            int[] liked = new AnimeLookup(model).resolveList(who.likes);
            top = model.model().recommendForNewUserByIndex(liked, options).items();
            out.printf(Locale.ROOT, "top %d for a new user who likes %s%s:%n", n, Arrays.stream(liked)
                    .mapToObj(i -> model.info(i).title()).collect(Collectors.joining(", ")), filterNote());
        }
        if (top.isEmpty()) throw new CliFailure("no anime left to recommend" + filterNote());
        AnimeTables.recommendations(top, model).print(out);
        return 0;
    }

    /** Items to skip for --genre / --type; an unknown genre or type is an error listing the known ones. */
    private IntPredicate filter(AnimeModel model) {
        if (genre != null) {
            TreeSet<String> genres = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            model.allInfo().forEach(a -> genres.addAll(a.genres()));
            if (!genres.contains(genre)) {
                throw new CliFailure("unknown genre '" + genre + "'; the model's genres: " + String.join(", ", genres));
            }
        }
        if (type != null) {
            TreeSet<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            model.allInfo().forEach(a -> { if (!a.type().isEmpty()) types.add(a.type()); });
            if (!types.contains(type)) {
                throw new CliFailure("unknown type '" + type + "'; the model's types: " + String.join(", ", types));
            }
        }
        return i -> {
            AnimeInfo a = model.info(i);
            return (genre != null && !a.hasGenreIgnoreCase(genre)) || (type != null && !a.type().equalsIgnoreCase(type));
        };
    }

    private String filterNote() {
        return (genre == null ? "" : ", genre " + genre) + (type == null ? "" : ", type " + type);
    }
}
