package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeFilter;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeLookup;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.SimilarOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;

/** {@code lightgcn similar}: the anime nearest to one anime by cosine of the final item embeddings. */
@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The anime most similar to one anime: cosine similarity of the trained final item embeddings. "
                + "Adult titles (genre Hentai) are left out unless --include-adult.",
        footer = {"", "Example:", "  lightgcn similar --model anime.lgcn --anime \"Steins;Gate\" -n 10"})
final class SimilarCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by train.")
    Path modelFile;

    @Option(names = "--anime", required = true, paramLabel = "TITLE|ID",
            description = "An anime title (case-insensitive, exact or unique prefix) or MAL id.")
    String anime;

    @Mixin
    TopOption count;

    @Mixin
    AnimeFilterOptions filterOptions;

    @Override
    public Integer call() throws IOException {
        int n = count.value(spec);
        AnimeFilter filter = filterOptions.filter(spec);
        InputFiles.require("--model", modelFile);
        AnimeModel model = AnimeModel.load(modelFile);
        IntPredicate excluded = filter.excluded(model);
        int item = new AnimeLookup(model).resolve(anime);
        PrintWriter out = spec.commandLine().getOut();
        List<ScoredItem> similar = model.model().similarItemsByIndex(item, SimilarOptions.builder().k(n)
                .exclude(excluded).build());
        out.printf(Locale.ROOT, "most similar to %s (%d, %s)%s%s:%n", TerminalText.safe(model.info(item).title()),
                model.info(item).id(), TerminalText.safe(String.join(", ", model.info(item).genres())),
                filter.describe(), count.shown(similar.size()));
        TextTable table = new TextTable(">rank", "title:50", "genres:60", "type", ">cosine");
        int rank = 0;
        for (ScoredItem s : similar) {
            AnimeInfo a = model.info(s.item());
            table.row(++rank, a.title(), String.join(", ", a.genres()), a.type(),
                    String.format(Locale.ROOT, "%.3f", s.score()));
        }
        table.print(out);
        return 0;
    }
}
