package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that say which anime a person wants to see, shared by {@code recommend}, {@code similar} and
 * {@code demo} (a picocli mixin), so that every command leaves out the same anime: adult titles unless
 * {@code --include-adult}, and the optional genre, type and member-count filters.
 */
final class AnimeFilterOptions {

    @Option(names = "--genre", paramLabel = "GENRE", description = "Only anime of this genre (e.g. Comedy).")
    String genre;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only anime of this type (TV, Movie, OVA, ...).")
    String type;

    @Option(names = "--min-members", paramLabel = "N", defaultValue = "0",
            description = "Only anime with at least N MyAnimeList members (0 = any). Default: ${DEFAULT-VALUE}.")
    int minMembers;

    @Option(names = "--include-adult", description = "Also show adult titles (genre Hentai), left out by default.")
    boolean includeAdult;

    /** The filter these options describe; a member bound outside [0, 100,000,000] is a usage error. */
    AnimeFilter filter(CommandSpec spec) {
        try {
            return AnimeFilter.defaults().includeAdult(includeAdult).genre(genre).type(type).minMembers(minMembers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--min-members': "
                    + e.getMessage());
        }
    }
}
