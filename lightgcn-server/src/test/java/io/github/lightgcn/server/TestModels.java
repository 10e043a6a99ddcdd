package io.github.lightgcn.server;

import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.mal.model.AnimeModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two small anime models trained once per test JVM on generated MAL-shaped data (same data, different seeds, so
 * their answers differ): what the service tests serve, swap and compare against.
 */
final class TestModels {

    private static TestModels instance;

    final Path dir;
    final Path modelA;
    final Path modelB;

    private TestModels(Path dir) throws IOException {
        this.dir = dir;
        GeneratedData data = MalGenerator.generate(dir.resolve("mal"), 6000, 11);
        MalDataset dataset = MalDataset.load(data.animeCsv(), data.ratingsCsv());
        KeyedInteractions keyed = KeyedInteractions.of(dataset.graph(), keys(dataset.users().originalIds()),
                keys(dataset.anime().originalIds()));
        this.modelA = train(dataset, keyed, 1, dir.resolve("a.lgcn"));
        this.modelB = train(dataset, keyed, 2, dir.resolve("b.lgcn"));
    }

    static synchronized TestModels get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("lightgcn-server-test");
                instance = new TestModels(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static KeyIndex keys(int[] ids) {
        return KeyIndex.ofLongs(Arrays.stream(ids).asLongStream().toArray());
    }

    private static Path train(MalDataset dataset, KeyedInteractions keyed, long seed, Path file) throws IOException {
        LightGCNConfig config = LightGCNConfig.builder().epochs(15).learningRate(0.01).batchSize(512).seed(seed)
                .embeddingDim(32).build();
        LightGCNModel model = new LightGCN(config).fit(keyed);
        AnimeModel.of(model, dataset.catalog()).save(file);
        return file;
    }

    /** A copy of {@code from} at {@code to}, cut to {@code keep} of its bytes (a truncated file). */
    static void truncatedCopy(Path from, Path to, double keep) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        Files.write(to, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
    }

    /** A copy with one byte flipped in the middle (caught by the file's checksum). */
    static void corruptCopy(Path from, Path to) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(to, bytes);
    }
}
