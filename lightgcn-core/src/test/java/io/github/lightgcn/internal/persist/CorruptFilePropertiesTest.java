package io.github.lightgcn.internal.persist;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.internal.train.Checkpoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Model and checkpoint loaders fed 10,000 damaged files each, of the current format (2: a keyed model, a checkpoint)
 * and of format 1 (the frozen fixtures): truncations, bit flips, overwritten runs, random bytes, appended garbage.
 * Each either loads the original content or fails with an IOException that names the file. Never another exception
 * type (an OutOfMemoryError from a damaged count included), never garbage.
 */
class CorruptFilePropertiesTest {

    static Path dir;
    static byte[] model;
    static byte[] checkpoint;
    static LightGCNModel original;
    static byte[] modelV1;
    static byte[] checkpointV1;
    static LightGCNModel originalV1;

    @BeforeContainer
    static void writeFiles() throws IOException {
        dir = Files.createTempDirectory("lightgcn-corrupt");
        var g = Graphs.planted(40, 30, 3, 5, 1, 1);
        Path cp = dir.resolve("c.ckpt");
        LightGCN trainer = new LightGCN(LightGCNConfig.builder().embeddingDim(4).epochs(1).batchSize(64).build());
        // string user keys and long item keys, so that the keys are in the damaged files too
        KeyedInteractions.Builder keyed = KeyedInteractions.builder();
        for (int i = 0; i < g[0].numItems(); i++) keyed.addItem(1000L + 3 * i);
        g[0].forEachEdge((u, i) -> keyed.add("user " + u, 1000L + 3 * i));
        original = trainer.fit(keyed.build(), null, FitOptions.builder().checkpointEvery(1, cp).build())
                .withAttachment("ids", new byte[]{1, 2, 3});
        original.save(dir.resolve("m.lgcn"));
        model = Files.readAllBytes(dir.resolve("m.lgcn"));
        checkpoint = Files.readAllBytes(cp);
        modelV1 = Files.readAllBytes(ModelFileTest.fixture("model-v1.lgcn"));
        checkpointV1 = Files.readAllBytes(ModelFileTest.fixture("checkpoint-v1.ckpt"));
        originalV1 = LightGCNModel.load(ModelFileTest.fixture("model-v1.lgcn"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    /** A damage: kind 0 truncate, 1 flip a bit, 2 overwrite a run with random bytes, 3 append, 4 all random. */
    record Damage(int kind, int position, int length, long seed) {
        byte[] apply(byte[] good) {
            java.util.Random r = new java.util.Random(seed);
            int pos = Math.floorMod(position, good.length);
            switch (kind) {
                case 0 -> { return Arrays.copyOf(good, pos); }
                case 1 -> {
                    byte[] b = good.clone();
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                    return b;
                }
                case 2 -> {
                    byte[] b = good.clone();
                    for (int p = pos; p < Math.min(b.length, pos + length); p++) b[p] = (byte) r.nextInt(256);
                    return b;
                }
                case 3 -> {
                    byte[] b = Arrays.copyOf(good, good.length + length);
                    for (int p = good.length; p < b.length; p++) b[p] = (byte) r.nextInt(256);
                    return b;
                }
                default -> {
                    byte[] b = new byte[length * 7];
                    r.nextBytes(b);
                    if (r.nextBoolean() && b.length >= 8) System.arraycopy(good, 0, b, 0, 8); // right magic
                    return b;
                }
            }
        }
    }

    @Provide
    Arbitrary<Damage> damages() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(1, 64), Arbitraries.longs()).as(Damage::new);
    }

    @Property(tries = 10_000)
    void damagedModelFilesFailWithAnIOExceptionNamingTheFile(@ForAll("damages") Damage damage) throws IOException {
        assertLoadsWholeOrFails(damage.apply(model), model, original);
    }

    @Property(tries = 10_000)
    void damagedVersion1ModelFilesFailWithAnIOExceptionNamingTheFile(@ForAll("damages") Damage damage)
            throws IOException {
        assertLoadsWholeOrFails(damage.apply(modelV1), modelV1, originalV1);
    }

    private static void assertLoadsWholeOrFails(byte[] bad, byte[] good, LightGCNModel expected) throws IOException {
        Path file = dir.resolve("damaged.lgcn");
        Files.write(file, bad);
        try {
            LightGCNModel loaded = LightGCNModel.load(file);
            // only an undamaged file may load, and then it must be the original
            assertArrayEquals(good, bad, "a damaged model file was accepted");
            assertArrayEquals(expected.userEmbeddings(), loaded.userEmbeddings(), 0f);
            assertEquals(expected.userKeys(), loaded.userKeys());
            assertEquals(expected.itemKeys(), loaded.itemKeys());
        } catch (IOException e) {
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Property(tries = 10_000)
    void damagedCheckpointsFailWithAnIOExceptionNamingTheFile(@ForAll("damages") Damage damage) throws IOException {
        assertCheckpointLoadsWholeOrFails(damage.apply(checkpoint), checkpoint);
    }

    @Property(tries = 10_000)
    void damagedVersion1CheckpointsFailWithAnIOExceptionNamingTheFile(@ForAll("damages") Damage damage)
            throws IOException {
        assertCheckpointLoadsWholeOrFails(damage.apply(checkpointV1), checkpointV1);
    }

    private static void assertCheckpointLoadsWholeOrFails(byte[] bad, byte[] good) throws IOException {
        Path file = dir.resolve("damaged.ckpt");
        Files.write(file, bad);
        try {
            Checkpoint.load(file);
            assertArrayEquals(good, bad, "a damaged checkpoint was accepted");
        } catch (IOException | UncheckedIOException e) {
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }
}
