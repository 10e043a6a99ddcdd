package io.github.lightgcn;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.eval.EmbeddingScorer;
import io.github.lightgcn.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.TopK;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.simd.VectorOps;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.zip.CRC32C;

/**
 * A trained LightGCN model: the final (layer-mean) user and item embeddings, the training interactions (so that
 * recommendations exclude what a user has already seen), and provenance metadata. Immutable and safe for
 * concurrent use from any number of threads.
 *
 * <h2>File format, version 1</h2>
 * Big-endian, written atomically by {@link #save(Path)} (temporary file, fsync, rename):
 * <pre>
 *  offset size  field
 *   0     8     magic "LGCNMODL" (ASCII)
 *   8     4     format version = 1
 *  12     8     total file length in bytes, checksum included
 *  20     4     numUsers U
 *  24     4     numItems I
 *  28     4     dim d
 *  32     4     training edges E
 *  36     4     metadata length M in bytes
 *  40     M     metadata: int count, then count × (key, value) as DataOutput.writeUTF strings
 *   .   4·U·d   user embeddings, float32, row-major
 *   .   4·I·d   item embeddings, float32, row-major
 *   .   4·(U+1) training CSR offsets by user, int32
 *   .   4·E     training item ids per user, ascending within a user, int32
 *   .   4       attachment count A
 *   .   …       A × (name as DataOutput.writeUTF, int32 length L, L bytes): application data such as id
 *               mappings and item metadata, see {@link #withAttachment}
 *   .   8       CRC32C of every preceding byte, as an int64
 * </pre>
 * {@link #load(Path)} checks the magic, version, length and checksum before reading anything else, so a
 * truncated or corrupted file is an {@link IOException} that says which check failed.
 */
public final class LightGCNModel {

    static final byte[] MAGIC = "LGCNMODL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    private static final int HEADER_BYTES = 40;

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final float[] userEmbeddings;
    private final float[] itemEmbeddings;
    private final InteractionGraph trainGraph;
    private final Map<String, String> metadata;
    private final Map<String, byte[]> attachments;
    private final TrainingSummary summary;

    private LightGCNModel(int dim, float[] userEmbeddings, float[] itemEmbeddings, InteractionGraph trainGraph,
                          Map<String, String> metadata, Map<String, byte[]> attachments, TrainingSummary summary) {
        this.numUsers = trainGraph.numUsers();
        this.numItems = trainGraph.numItems();
        this.dim = dim;
        this.userEmbeddings = userEmbeddings;
        this.itemEmbeddings = itemEmbeddings;
        this.trainGraph = trainGraph;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        this.summary = summary;
    }

    /**
     * A model from final embeddings (copied). {@code trainGraph} gives the size and the items excluded from each
     * user's recommendations.
     */
    public static LightGCNModel of(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                   Map<String, String> metadata) {
        return create(userEmbeddings.clone(), itemEmbeddings.clone(), dim, trainGraph, metadata, null);
    }

    static LightGCNModel create(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                Map<String, String> metadata, TrainingSummary summary) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (userEmbeddings.length != (long) trainGraph.numUsers() * dim
                || itemEmbeddings.length != (long) trainGraph.numItems() * dim) {
            throw new IllegalArgumentException("embedding tables (" + userEmbeddings.length + ", "
                    + itemEmbeddings.length + " floats) do not match " + trainGraph + " at dim " + dim);
        }
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, metadata, Map.of(), summary);
    }

    public int numUsers() { return numUsers; }

    public int numItems() { return numItems; }

    public int dim() { return dim; }

    /** The interactions the model was trained on (excluded from recommendations). */
    public InteractionGraph trainGraph() { return trainGraph; }

    /** Provenance: configuration, seed, library and format versions, data fingerprint, training summary. */
    public Map<String, String> metadata() { return metadata; }

    /**
     * A copy of this model carrying one more named blob of application data (replacing one of the same name),
     * saved with it: e.g. the id mappings and item titles a command line needs to print recommendations.
     */
    public LightGCNModel withAttachment(String name, byte[] data) {
        if (name == null || name.isEmpty() || name.length() > 1000) {
            throw new IllegalArgumentException("attachment name must have 1 to 1000 characters");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(attachments);
        copy.put(name, data.clone());
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, metadata, copy, summary);
    }

    /** A copy of the attachment of that name, if any. */
    public java.util.Optional<byte[]> attachment(String name) {
        byte[] data = attachments.get(name);
        return data == null ? java.util.Optional.empty() : java.util.Optional.of(data.clone());
    }

    /** Names of the attachments, in the order they were added. */
    public java.util.Set<String> attachmentNames() { return attachments.keySet(); }

    /** What training did; null for a model that was loaded from a file or built with {@link #of}. */
    public TrainingSummary trainingSummary() { return summary; }

    /** A copy of the final embedding of one user. */
    public float[] userEmbedding(int user) {
        checkUser(user);
        return Arrays.copyOfRange(userEmbeddings, user * dim, (user + 1) * dim);
    }

    /** A copy of the final embedding of one item. */
    public float[] itemEmbedding(int item) {
        checkItem(item);
        return Arrays.copyOfRange(itemEmbeddings, item * dim, (item + 1) * dim);
    }

    /** A copy of all final user embeddings, row-major {@code numUsers × dim}. */
    public float[] userEmbeddings() { return userEmbeddings.clone(); }

    /** A copy of all final item embeddings, row-major {@code numItems × dim}. */
    public float[] itemEmbeddings() { return itemEmbeddings.clone(); }

    /** The predicted preference of a user for an item: the dot product of their final embeddings. */
    public float score(int user, int item) {
        checkUser(user);
        checkItem(item);
        return VectorOps.dot(userEmbeddings, user * dim, itemEmbeddings, item * dim, dim);
    }

    /** The k best items for a user, best first, excluding the user's training items. */
    public List<ScoredItem> recommend(int user, int k) {
        return recommend(user, k, item -> false);
    }

    /**
     * The k best items for a user, best first, excluding the user's training items and every item for which
     * {@code exclude} is true (e.g. a genre filter). Fewer than k when fewer items are left.
     */
    public List<ScoredItem> recommend(int user, int k, IntPredicate exclude) {
        checkUser(user);
        int[] off = trainGraph.userOffsets(), seen = trainGraph.userIndices();
        int from = off[user], to = off[user + 1];
        float[] query = Arrays.copyOfRange(userEmbeddings, user * dim, (user + 1) * dim);
        return rank(query, k, item -> Arrays.binarySearch(seen, from, to, item) >= 0 || exclude.test(item));
    }

    /**
     * The k best items for an arbitrary user vector (e.g. a new user folded in from liked items), best first,
     * skipping items for which {@code exclude} is true.
     */
    public List<ScoredItem> recommendForVector(float[] userVector, int k, IntPredicate exclude) {
        if (userVector.length != dim) {
            throw new IllegalArgumentException("user vector has " + userVector.length + " values, the model has dim "
                    + dim);
        }
        return rank(userVector, k, exclude);
    }

    private List<ScoredItem> rank(float[] query, int k, IntPredicate exclude) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        TopK top = new TopK(Math.min(k, Math.max(1, numItems)));
        for (int i = 0; i < numItems; i++) {
            if (exclude.test(i)) continue;
            top.offer(i, VectorOps.dot(query, 0, itemEmbeddings, i * dim, dim));
        }
        int[] items = new int[top.size()];
        float[] scores = new float[top.size()];
        int n = top.drainBestFirst(items, scores);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int r = 0; r < n; r++) result.add(new ScoredItem(items[r], scores[r]));
        return result;
    }

    /** Full-ranking metrics on held-out interactions (training items masked), using all cores. */
    public Metrics evaluate(InteractionGraph heldOut, int... ks) {
        if (heldOut.numUsers() != numUsers || heldOut.numItems() != numItems) {
            throw new IllegalArgumentException("held-out graph is " + heldOut.numUsers() + " x " + heldOut.numItems()
                    + " but the model is " + numUsers + " x " + numItems);
        }
        try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
            return new Evaluator(ks, 256, workers).evaluate(
                    new EmbeddingScorer(userEmbeddings, itemEmbeddings, dim), trainGraph, heldOut);
        }
    }

    private void checkUser(int user) {
        if (user < 0 || user >= numUsers) {
            throw new IllegalArgumentException("user " + user + " is out of range [0, " + numUsers + ")");
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= numItems) {
            throw new IllegalArgumentException("item " + item + " is out of range [0, " + numItems + ")");
        }
    }

    // ------------------------------------------------------------------------------------------ persistence

    /** Writes the model (format above) atomically: a crash during the save leaves any previous file intact. */
    public void save(Path path) throws IOException {
        byte[] meta = encodeMetadata(metadata);
        byte[] attached = encodeAttachments(attachments);
        int[] offsets = trainGraph.userOffsets(), items = trainGraph.userIndices();
        long total = HEADER_BYTES + (long) meta.length + 4L * userEmbeddings.length + 4L * itemEmbeddings.length
                + 4L * offsets.length + 4L * items.length + attached.length + 8;
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                CRC32C crc = new CRC32C();
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES + meta.length).order(ByteOrder.BIG_ENDIAN);
                header.put(MAGIC).putInt(FORMAT_VERSION).putLong(total).putInt(numUsers).putInt(numItems).putInt(dim)
                        .putInt(items.length).putInt(meta.length).put(meta).flip();
                write(ch, header, crc);
                writeFloats(ch, userEmbeddings, crc);
                writeFloats(ch, itemEmbeddings, crc);
                writeInts(ch, offsets, crc);
                writeInts(ch, items, crc);
                write(ch, ByteBuffer.wrap(attached), crc);
                ByteBuffer tail = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
                while (tail.hasRemaining()) ch.write(tail);
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final int CHUNK = 1 << 16;

    private static void write(FileChannel ch, ByteBuffer buf, CRC32C crc) throws IOException {
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) ch.write(buf);
    }

    private static void writeFloats(FileChannel ch, float[] values, CRC32C crc) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            buf.clear();
            buf.asFloatBuffer().put(values, from, n);
            buf.limit(4 * n);
            write(ch, buf, crc);
        }
    }

    private static void writeInts(FileChannel ch, int[] values, CRC32C crc) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            buf.clear();
            buf.asIntBuffer().put(values, from, n);
            buf.limit(4 * n);
            write(ch, buf, crc);
        }
    }

    private static byte[] encodeAttachments(Map<String, byte[]> attachments) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(attachments.size());
            for (Map.Entry<String, byte[]> e : attachments.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] encodeMetadata(Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws IOException when the file cannot be read, is not a model file, has an unsupported version, is
     *                     truncated, or fails its checksum; the message names the file and the failed check
     */
    public static LightGCNModel load(Path path) throws IOException {
        long size = Files.size(path);
        if (size > Integer.MAX_VALUE - 16) throw new IOException(path + ": model file too large (" + size + " bytes)");
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < HEADER_BYTES + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(path + ": not a lightgcn model file (bad magic or shorter than the "
                    + (HEADER_BYTES + 8) + "-byte minimum)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(path + ": unsupported model format version " + version + " (this library reads "
                    + FORMAT_VERSION + ")");
        }
        long declared = buf.getLong();
        if (declared != bytes.length) {
            throw new IOException(path + ": model file is " + (bytes.length < declared ? "truncated" : "too long")
                    + ": header says " + declared + " bytes, the file has " + bytes.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IOException(path + ": model file is corrupted: checksum mismatch (stored "
                    + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
        }
        int users = buf.getInt(), items = buf.getInt(), dim = buf.getInt(), edges = buf.getInt(), metaLen = buf.getInt();
        long coreEnd = HEADER_BYTES + (long) metaLen + 4L * users * dim + 4L * items * dim + 4L * (users + 1)
                + 4L * edges;
        if (users < 0 || items < 0 || dim < 1 || edges < 0 || metaLen < 4 || coreEnd + 4 + 8 > bytes.length) {
            throw new IOException(path + ": inconsistent header (users " + users + ", items " + items + ", dim " + dim
                    + ", edges " + edges + ", metadata " + metaLen + " bytes) for a file of " + bytes.length + " bytes");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, metaLen))) {
            int count = in.readInt();
            for (int e = 0; e < count; e++) metadata.put(in.readUTF(), in.readUTF());
        } catch (IOException e) {
            throw new IOException(path + ": unreadable metadata section: " + e.getMessage(), e);
        }
        buf.position(HEADER_BYTES + metaLen);
        float[] userEmb = new float[users * dim];
        float[] itemEmb = new float[items * dim];
        int[] offsets = new int[users + 1];
        int[] itemIds = new int[edges];
        buf.asFloatBuffer().get(userEmb);
        buf.position(buf.position() + 4 * userEmb.length);
        buf.asFloatBuffer().get(itemEmb);
        buf.position(buf.position() + 4 * itemEmb.length);
        buf.asIntBuffer().get(offsets);
        buf.position(buf.position() + 4 * offsets.length);
        buf.asIntBuffer().get(itemIds);
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(bytes, (int) coreEnd, bytes.length - 8 - (int) coreEnd))) {
            int count = in.readInt();
            for (int a = 0; a < count; a++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) throw new IOException("attachment '" + name + "' overruns");
                attachments.put(name, in.readNBytes(length));
            }
            if (count < 0 || in.available() != 0) throw new IOException("unexpected bytes after the attachments");
        } catch (IOException e) {
            throw new IOException(path + ": unreadable attachment section: " + e.getMessage(), e);
        }
        int[] pairUsers = new int[edges];
        if (offsets[0] != 0 || offsets[users] != edges) {
            throw new IOException(path + ": inconsistent training graph offsets");
        }
        for (int u = 0; u < users; u++) {
            if (offsets[u + 1] < offsets[u]) throw new IOException(path + ": inconsistent training graph offsets");
            for (int p = offsets[u]; p < offsets[u + 1]; p++) pairUsers[p] = u;
        }
        InteractionGraph train;
        try {
            train = InteractionGraph.fromPairs(users, items, pairUsers, itemIds);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": invalid training graph: " + e.getMessage(), e);
        }
        return new LightGCNModel(dim, userEmb, itemEmb, train, metadata, attachments, null);
    }
}
