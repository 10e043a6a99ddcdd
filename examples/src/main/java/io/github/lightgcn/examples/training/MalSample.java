package io.github.lightgcn.examples.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * The real MyAnimeList sample inside the command line's jar (the complete {@code anime.csv} and a real slice of
 * {@code rating.csv}, CC0; provenance in {@code mal-sample/README.md} beside the files), so that the demo of a fresh
 * clone or of the distribution shows real anime without any download.
 */
public final class MalSample {

    /** What the demo says it trains on. */
    public static final String DESCRIPTION = "the real MyAnimeList sample shipped with lightgcn (Kaggle's anime.csv, "
            + "12,294 anime, and a real slice of its rating.csv, 97,470 ratings by 956 users; CC0)";

    private static final String FOLDER = "/io/github/lightgcn/examples/mal-sample/";

    private MalSample() {}

    /** The two files, uncompressed into {@code folder} (created if needed; replaced atomically if there). */
    public static SampleFiles extractTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new SampleFiles(extract("anime.csv", folder), extract("rating_tail.csv", folder));
    }

    /** Where the sample was written. */
    public record SampleFiles(Path animeCsv, Path ratingsCsv) {}

    private static Path extract(String name, Path folder) throws IOException {
        Path target = folder.resolve(name), tmp = folder.resolve(name + ".tmp");
        try (InputStream packed = MalSample.class.getResourceAsStream(FOLDER + name + ".gz")) {
            if (packed == null) throw new IllegalStateException("the jar has no " + name + ".gz: a packaging bug");
            try (InputStream in = new GZIPInputStream(packed)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write the MyAnimeList sample to " + target + ": " + e.getMessage(), e);
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
