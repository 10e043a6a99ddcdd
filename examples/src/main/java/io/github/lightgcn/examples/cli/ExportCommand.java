package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.EmbeddingExport;
import io.github.lightgcn.LightGCNModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lightgcn export}: the final embeddings as NumPy files for serving elsewhere (e.g. an approximate
 * nearest-neighbour index), written by the library's {@link EmbeddingExport}: {@code users.npy} and
 * {@code items.npy} (float32, C order, shape {@code (n, d)}), and {@code ids.json} mapping each row back to its
 * MAL id (and each anime row to its title); all three or none of them.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the user and item embeddings as NumPy .npy files (float32, shape (n, d)) and ids.json "
                + "(row -> MAL user_id / anime_id, and anime titles).",
                "In Python: numpy.load('items.npy'); the score of user row u for item row i is users[u] @ items[i]."},
        footer = {"", "Example:", "  lightgcn export --model anime.lgcn --out embeddings/"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by train.")
    Path modelFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write (created; its three files are replaced together, others kept).")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        InputFiles.require("--model", modelFile);
        OutputPaths.of(spec).input("--model", modelFile).folder("--out", outDir).check();
        AnimeModel model = AnimeModel.load(modelFile);
        LightGCNModel m = model.model();
        export(model).writeTo(outDir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s (%d x %d), %s (%d x %d) and %s%n", outDir.resolve("users.npy"), m.numUsers(), m.dim(),
                outDir.resolve("items.npy"), m.numItems(), m.dim(), outDir.resolve("ids.json"));
        return 0;
    }

    /**
     * {"dim": d, "users": [user_id of row 0, ...], "anime": [anime_id of row 0, ...], "titles": [...]}: the model's
     * keys are the MAL ids.
     */
    static EmbeddingExport export(AnimeModel model) {
        return EmbeddingExport.of(model.model()).itemsName("anime")
                .itemColumn("titles", model.allInfo().stream().map(AnimeInfo::title).toList());
    }
}
