package io.github.lightgcn;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.internal.eval.TopK;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.internal.persist.ChecksummedFile;
import io.github.lightgcn.internal.simd.VectorOps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A trained LightGCN model: the final (layer-mean) user and item embeddings, the training interactions (so that
 * recommendations exclude what a user has already seen), and provenance metadata. Immutable and safe for
 * concurrent use from any number of threads.
 *
 * <h2>File format, version 1</h2>
 * A {@link ChecksummedFile} (magic {@code LGCNMODL}, version 1, length, payload, CRC32C; big-endian; written
 * atomically by {@link #save(Path)}) whose payload is:
 * <pre>
 *   int32       numUsers U, numItems I, dim d, training edges E
 *   block       metadata: int32 length, then int32 count and count × (key, value) as DataOutput.writeUTF
 *   float32[]   user embeddings, U·d, row-major
 *   float32[]   item embeddings, I·d, row-major
 *   int32[]     training CSR offsets by user, U + 1
 *   int32[]     training item ids per user, E, ascending within a user
 *   int32       attachment count A, then A × (block name in UTF-8, block data), a block being int32 length + bytes
 * </pre>
 * {@link #load(Path)} checks the magic, version, length and checksum before reading anything else, so a
 * truncated or corrupted file is an {@link IOException} that says which check failed.
 */
public final class LightGCNModel {

    static final String MAGIC = "LGCNMODL";
    static final int FORMAT_VERSION = 1;

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final float[] userEmbeddings;
    private final float[] itemEmbeddings;
    private final InteractionGraph trainGraph;
    private final Provenance provenance;
    private final KeyIndex userKeys;
    private final KeyIndex itemKeys;
    private final Map<String, byte[]> attachments;
    private final TrainingSummary summary;

    private LightGCNModel(int dim, float[] userEmbeddings, float[] itemEmbeddings, InteractionGraph trainGraph,
                          Provenance provenance, Map<String, byte[]> attachments, TrainingSummary summary) {
        this.numUsers = trainGraph.numUsers();
        this.numItems = trainGraph.numItems();
        this.dim = dim;
        this.userEmbeddings = userEmbeddings;
        this.itemEmbeddings = itemEmbeddings;
        this.trainGraph = trainGraph;
        this.provenance = provenance;
        this.userKeys = KeyIndex.identity(numUsers); // keyed models: the "keys" work
        this.itemKeys = KeyIndex.identity(numItems);
        this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        this.summary = summary;
    }

    /**
     * A model from final embeddings (copied), e.g. trained elsewhere. {@code trainGraph} gives the size and the items
     * excluded from each user's recommendations; {@code settings} are recorded as the provenance's configuration.
     */
    public static LightGCNModel of(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                   Map<String, String> settings) {
        return create(userEmbeddings.clone(), itemEmbeddings.clone(), dim, trainGraph, Provenance.external(settings),
                null);
    }

    static LightGCNModel create(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                Provenance provenance, TrainingSummary summary) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (userEmbeddings.length != (long) trainGraph.numUsers() * dim
                || itemEmbeddings.length != (long) trainGraph.numItems() * dim) {
            throw new IllegalArgumentException("embedding tables (" + userEmbeddings.length + ", "
                    + itemEmbeddings.length + " floats) do not match " + trainGraph + " at dim " + dim);
        }
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, provenance, Map.of(), summary);
    }

    public int numUsers() { return numUsers; }

    public int numItems() { return numItems; }

    public int dim() { return dim; }

    /** The interactions the model was trained on (excluded from recommendations). */
    public InteractionGraph trainGraph() { return trainGraph; }

    /** The application's keys of the users, by user index. */
    public KeyIndex userKeys() { return userKeys; }

    /** The application's keys of the items, by item index. */
    public KeyIndex itemKeys() { return itemKeys; }

    /** Where the model comes from: configuration, data fingerprints, library and Java versions, training summary. */
    public Provenance provenance() { return provenance; }

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
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, provenance, copy, summary);
    }

    /** A copy of the attachment of that name, if any. */
    public Optional<byte[]> attachment(String name) {
        byte[] data = attachments.get(name);
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    /** Names of the attachments, in the order they were added. */
    public Set<String> attachmentNames() { return attachments.keySet(); }

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
        int[] off = GraphArrays.userOffsets(trainGraph), seen = GraphArrays.userItems(trainGraph);
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
        return evaluate(heldOut, ks, Runtime.getRuntime().availableProcessors());
    }

    /** Full-ranking metrics on held-out interactions (training items masked), on {@code threads} threads. */
    public Metrics evaluate(InteractionGraph heldOut, int[] ks, int threads) {
        if (heldOut.numUsers() != numUsers || heldOut.numItems() != numItems) {
            throw new IllegalArgumentException("held-out graph is " + heldOut.numUsers() + " x " + heldOut.numItems()
                    + " but the model is " + numUsers + " x " + numItems);
        }
        try (Workers workers = new Workers(threads)) {
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
        byte[] meta = ChecksummedFile.encodeStrings(provenance.toMap());
        int[] offsets = GraphArrays.userOffsets(trainGraph), items = GraphArrays.userItems(trainGraph);
        long payload = 16 + 4L + meta.length + 4L * userEmbeddings.length + 4L * itemEmbeddings.length
                + 4L * offsets.length + 4L * items.length + 4;
        for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
            payload += 8L + a.getKey().getBytes(StandardCharsets.UTF_8).length + a.getValue().length;
        }
        try (ChecksummedFile.Writer out = ChecksummedFile.create(path, MAGIC, FORMAT_VERSION, payload)) {
            out.putInt(numUsers).putInt(numItems).putInt(dim).putInt(items.length).putBlock(meta);
            out.putFloats(userEmbeddings).putFloats(itemEmbeddings).putInts(offsets).putInts(items);
            out.putInt(attachments.size());
            for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
                out.putBlock(a.getKey().getBytes(StandardCharsets.UTF_8)).putBlock(a.getValue());
            }
            out.commit();
        }
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws IOException when the file cannot be read, is not a model file, has an unsupported version, is
     *                     truncated, or fails its checksum; the message names the file and the failed check
     */
    public static LightGCNModel load(Path path) throws IOException {
        ChecksummedFile.Reader in = ChecksummedFile.read(path, MAGIC, FORMAT_VERSION, "lightgcn model");
        int users = in.getInt("numUsers"), items = in.getInt("numItems"), dim = in.getInt("dim");
        int edges = in.getInt("edges");
        if (users < 0 || items < 0 || dim < 1 || edges < 0) {
            throw in.inconsistent("header (users " + users + ", items " + items + ", dim " + dim + ", edges " + edges + ")");
        }
        Map<String, String> metadata = ChecksummedFile.decodeStrings(in.getBlock("metadata"), in);
        float[] userEmb = in.getFloats((long) users * dim, "user embeddings");
        float[] itemEmb = in.getFloats((long) items * dim, "item embeddings");
        int[] offsets = in.getInts(users + 1L, "training offsets");
        int[] itemIds = in.getInts(edges, "training items");
        int count = in.getInt("attachment count");
        if (count < 0) throw in.inconsistent("negative attachment count " + count);
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (int a = 0; a < count; a++) {
            String name = new String(in.getBlock("attachment name"), StandardCharsets.UTF_8);
            attachments.put(name, in.getBlock("attachment " + name));
        }
        in.expectEnd();
        if (offsets[0] != 0 || offsets[users] != edges) throw in.inconsistent("training graph offsets");
        int[] pairUsers = new int[edges];
        for (int u = 0; u < users; u++) {
            if (offsets[u + 1] < offsets[u]) throw in.inconsistent("training graph offsets");
            for (int p = offsets[u]; p < offsets[u + 1]; p++) pairUsers[p] = u;
        }
        InteractionGraph train;
        try {
            train = InteractionGraph.fromPairs(users, items, pairUsers, itemIds);
        } catch (IllegalArgumentException e) {
            throw in.inconsistent("training graph: " + e.getMessage());
        }
        Provenance provenance;
        try {
            provenance = Provenance.fromMap(metadata);
        } catch (IllegalArgumentException e) {
            throw in.inconsistent(e.getMessage());
        }
        return new LightGCNModel(dim, userEmb, itemEmb, train, provenance, attachments, null);
    }
}
