package io.github.lightgcn.internal.persist;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Model file format 2: what it holds, what it refuses (with a valid checksum too), and the container's checks. */
class ModelFileTest {

    @TempDir
    Path dir;

    /** 5 users with string keys (one not ASCII), 4 items with long keys; embeddings 0.25·(position + 1). */
    static LightGCNModel model() {
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        String[] users = {"zoë", "adam", "bea", "carl", "dora"};
        for (int u = 0; u < users.length; u++) b.add(users[u], 100L * (u % 4)).add(users[u], 100L * ((u + 1) % 4));
        KeyedInteractions k = b.build();
        float[] ue = new float[5 * 3], ie = new float[4 * 3];
        for (int p = 0; p < ue.length; p++) ue[p] = 0.25f * (p + 1);
        for (int p = 0; p < ie.length; p++) ie[p] = -0.25f * (p + 1);
        return LightGCNModel.of(ue, ie, 3, k, Map.of("note", "ünïcode")).withAttachment("a", new byte[]{9, 8})
                .withAttachment("ß", new byte[0]);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static IOException refused(Path file) {
        IOException e = assertThrows(IOException.class, () -> LightGCNModel.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void keysProvenanceEmbeddingsGraphAndAttachmentsRoundTrip() throws IOException {
        LightGCNModel m = model();
        Path file = dir.resolve("m.lgcn");
        m.save(file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals("LGCNMODL", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(2, ByteBuffer.wrap(bytes).getInt(8));
        assertEquals(bytes.length - 20, ByteBuffer.wrap(bytes).getLong(bytes.length - 16), "the footer's length");

        LightGCNModel back = LightGCNModel.load(file);
        assertEquals(m.userKeys(), back.userKeys());
        assertEquals(KeyIndex.Type.STRING, back.userKeys().type());
        assertEquals("zoë", back.userKeys().key(4));
        assertEquals(m.itemKeys(), back.itemKeys());
        assertEquals(m.provenance(), back.provenance());
        assertArrayEquals(m.userEmbeddings(), back.userEmbeddings(), 0f);
        assertArrayEquals(m.itemEmbeddings(), back.itemEmbeddings(), 0f);
        assertEquals(m.trainGraph().fingerprint(), back.trainGraph().fingerprint());
        assertEquals(List.of("a", "ß"), List.copyOf(back.attachmentNames()));
        assertArrayEquals(new byte[]{9, 8}, back.attachment("a").orElseThrow());

        // identity keys are stored as such
        LightGCNModel plain = LightGCNModel.of(m.userEmbeddings(), m.itemEmbeddings(), 3, m.trainGraph(), Map.of());
        plain.save(file);
        assertTrue(LightGCNModel.load(file).userKeys().isIdentity());
        assertTrue(Files.size(file) < bytes.length);
    }

    @Test
    void aFileOfAnotherVersionNamesItsVersionAndTheRangeRead() throws IOException {
        Path good = dir.resolve("m.lgcn");
        model().save(good);
        byte[] bytes = Files.readAllBytes(good);
        for (int version : new int[]{3, 0, -1}) {
            Path f = write("v" + version + ".lgcn", Reseal.withInt(bytes, 8, version));
            assertEquals(f + ": lightgcn model file version " + version + ", this library reads 1 to 2",
                    refused(f).getMessage());
        }
    }

    @Test
    void theFooterTellsTruncatedExtendedAndDamagedFilesApart() throws IOException {
        Path good = dir.resolve("m.lgcn");
        model().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path extended = write("x.lgcn", Arrays.copyOf(bytes, bytes.length + 3));
        assertTrue(refused(extended).getMessage().contains("does not end with a footer"));
        // a footer moved by 20 bytes (a hostile or confused writer): its count no longer matches
        byte[] moved = new byte[bytes.length + 20];
        System.arraycopy(bytes, 0, moved, 0, bytes.length - 20);
        System.arraycopy(bytes, bytes.length - 20, moved, moved.length - 20, 20);
        assertTrue(refused(write("moved.lgcn", Reseal.resealed(moved))).getMessage().contains("too long: the footer "
                + "counts " + (bytes.length - 20) + " bytes before it, the file has " + (bytes.length)));
        byte[] flipped = bytes.clone();
        flipped[40] ^= 4;
        assertTrue(refused(write("f.lgcn", flipped)).getMessage().contains("checksum mismatch"));
        assertTrue(refused(write("short.lgcn", Arrays.copyOf(bytes, 10))).getMessage().contains("not a lightgcn model"));
        assertTrue(refused(write("other.lgcn", "LGCNCKPT and so on, long enough".getBytes(StandardCharsets.US_ASCII)))
                .getMessage().contains("not a lightgcn model file"));
    }

    @Test
    void hugeDeclaredCountsAreAnIOExceptionNeverAnOutOfMemoryError() throws IOException {
        Path good = dir.resolve("m.lgcn");
        model().save(good);
        byte[] v2 = Files.readAllBytes(good);
        byte[] v1 = Files.readAllBytes(fixture("model-v1.lgcn"));
        // counts at payload offsets 0 (users), 4 (items), 8 (dim), 12 (edges); v2's payload starts at 12, v1's at 20
        for (int field = 0; field < 4; field++) {
            for (int huge : new int[]{Integer.MAX_VALUE, 1 << 30, 50_000_000}) {
                for (byte[] file : List.of(v2, v1)) {
                    int start = file == v2 ? 12 : 20;
                    Path f = write("huge.lgcn", Reseal.withInt(file, start + 4 * field, huge));
                    String message = refused(f).getMessage();
                    assertTrue(message.contains("inconsistent lightgcn model file"), message);
                }
            }
        }
        // a huge string-key length and a huge attachment count, checksums valid
        int keyLength = 12 + 16 + 1; // after the counts and the user key kind: the first key's length
        assertTrue(refused(write("key.lgcn", Reseal.withInt(v2, keyLength, Integer.MAX_VALUE))).getMessage()
                .contains("user key 0 needs"));
        // before the footer: the count, then "a" (name block, 2-byte data block) and "ß" (2 UTF-8 bytes, no data)
        int count = v2.length - 20 - ((4 + 1) + (4 + 2) + (4 + 2) + (4 + 0)) - 4;
        String message = refused(write("att.lgcn", Reseal.withInt(v2, count, Integer.MAX_VALUE))).getMessage();
        assertTrue(message.contains(Integer.MAX_VALUE + " attachments needs"), message);
    }

    @Test
    void nonFiniteEmbeddingsAreRefusedNamingTheUserOrItem() throws IOException {
        LightGCNModel m = model();
        Path good = dir.resolve("m.lgcn");
        m.save(good);
        byte[] bytes = Files.readAllBytes(good);
        // user 3, dimension 1 holds 0.25 · (3·3 + 1 + 1) = 2.75; item 2, dimension 0 holds -0.25 · 7 = -1.75
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY}) {
            byte[] u = bytes.clone();
            ByteBuffer.wrap(u).putFloat(Reseal.find(bytes, 2.75f), bad);
            Path f = write("nan.lgcn", Reseal.resealed(u));
            assertEquals(f + ": user 3 has a non-finite embedding (" + bad + " at dimension 1): the model is damaged",
                    refused(f).getMessage());
        }
        byte[] i = bytes.clone();
        ByteBuffer.wrap(i).putFloat(Reseal.find(bytes, -1.75f), Float.NEGATIVE_INFINITY);
        Path f = write("inf.lgcn", Reseal.resealed(i));
        assertTrue(refused(f).getMessage().contains("item 2 has a non-finite embedding (-Infinity at dimension 0)"));
    }

    @Test
    void repeatedKeysAndUnknownKeyKindsAreRefused() throws IOException {
        LightGCNModel m = LightGCNModel.of(new float[2], new float[2], 1, InteractionGraph.fromPairs(2, 2,
                new int[]{0}, new int[]{1}), Map.of()).withKeys(KeyIndex.ofLongs(7, 8), KeyIndex.identity(2));
        Path good = dir.resolve("m.lgcn");
        m.save(good);
        byte[] bytes = Files.readAllBytes(good);
        byte[] repeated = bytes.clone();
        ByteBuffer.wrap(repeated).putLong(12 + 16 + 1 + 8, 7); // the second user key = the first
        assertTrue(refused(write("r.lgcn", Reseal.resealed(repeated))).getMessage().contains("user keys: key 7 appears twice"));
        byte[] kind = bytes.clone();
        kind[12 + 16] = 9;
        assertTrue(refused(write("k.lgcn", Reseal.resealed(kind))).getMessage().contains("user key kind 9"));
    }

    static Path fixture(String name) {
        try {
            return Path.of(ModelFileTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
