package io.github.lightgcn;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.internal.eval.TopK;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.internal.persist.ModelFile;
import io.github.lightgcn.internal.simd.VectorOps;

import java.io.IOException;
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
 * recommendations exclude what a user has already seen), the application's keys of users and items
 * ({@link #userKeys()}, {@link #itemKeys()}: the indexes themselves for a model trained on a plain graph), and
 * provenance metadata. Immutable and safe for concurrent use from any number of threads.
 *
 * <p>{@link #save(Path)} writes all of it (the training summary aside) atomically into one checksummed file, with
 * the attachments; {@link #load(Path)} reads files of this and of earlier versions of the library.
 */
public final class LightGCNModel {

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
                          Provenance provenance, KeyIndex userKeys, KeyIndex itemKeys, Map<String, byte[]> attachments,
                          TrainingSummary summary) {
        this.numUsers = trainGraph.numUsers();
        this.numItems = trainGraph.numItems();
        this.dim = dim;
        this.userEmbeddings = userEmbeddings;
        this.itemEmbeddings = itemEmbeddings;
        this.trainGraph = trainGraph;
        this.provenance = provenance;
        this.userKeys = userKeys;
        this.itemKeys = itemKeys;
        this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        this.summary = summary;
    }

    /**
     * A model from final embeddings (copied), e.g. trained elsewhere. {@code trainGraph} gives the size and the items
     * excluded from each user's recommendations; {@code settings} are recorded as the provenance's configuration.
     */
    public static LightGCNModel of(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                   Map<String, String> settings) {
        checkFinite(userEmbeddings, dim, "user");
        checkFinite(itemEmbeddings, dim, "item");
        return create(userEmbeddings.clone(), itemEmbeddings.clone(), dim, trainGraph, Provenance.external(settings),
                null);
    }

    /**
     * A model from final embeddings (copied) of keyed data, e.g. trained elsewhere: as {@link #of(float[], float[],
     * int, InteractionGraph, Map)} on {@code train}'s graph, carrying its keys.
     */
    public static LightGCNModel of(float[] userEmbeddings, float[] itemEmbeddings, int dim, KeyedInteractions train,
                                   Map<String, String> settings) {
        return of(userEmbeddings, itemEmbeddings, dim, train.graph(), settings).withKeys(train.userKeys(),
                train.itemKeys());
    }

    private static void checkFinite(float[] table, int dim, String side) {
        for (int p = 0; p < table.length; p++) {
            if (!Float.isFinite(table[p])) {
                throw new IllegalArgumentException(side + " embeddings must be finite: " + side + " "
                        + p / Math.max(1, dim) + " has " + table[p] + " at dimension " + p % Math.max(1, dim));
            }
        }
    }

    static LightGCNModel create(float[] userEmbeddings, float[] itemEmbeddings, int dim, InteractionGraph trainGraph,
                                Provenance provenance, TrainingSummary summary) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (userEmbeddings.length != (long) trainGraph.numUsers() * dim
                || itemEmbeddings.length != (long) trainGraph.numItems() * dim) {
            throw new IllegalArgumentException("embedding tables (" + userEmbeddings.length + ", "
                    + itemEmbeddings.length + " floats) do not match " + trainGraph + " at dim " + dim);
        }
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, provenance,
                KeyIndex.identity(trainGraph.numUsers()), KeyIndex.identity(trainGraph.numItems()), Map.of(), summary);
    }

    /**
     * A copy of this model whose users and items have these keys (index i of a side gets that side's key i): e.g.
     * the keys of a model trained on a plain graph, or of a file written before models carried keys.
     *
     * @throws IllegalArgumentException when a key index does not have one key per user (item)
     */
    public LightGCNModel withKeys(KeyIndex userKeys, KeyIndex itemKeys) {
        if (userKeys.size() != numUsers || itemKeys.size() != numItems) {
            throw new IllegalArgumentException("the keys (" + userKeys.size() + " user keys, " + itemKeys.size()
                    + " item keys) do not fit the model (" + numUsers + " users, " + numItems + " items)");
        }
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, provenance, userKeys, itemKeys,
                attachments, summary);
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
     * saved with it: e.g. the item titles a command line needs to print recommendations.
     */
    public LightGCNModel withAttachment(String name, byte[] data) {
        if (name == null || name.isEmpty() || name.length() > 1000) {
            throw new IllegalArgumentException("attachment name must have 1 to 1000 characters");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(attachments);
        copy.put(name, data.clone());
        return new LightGCNModel(dim, userEmbeddings, itemEmbeddings, trainGraph, provenance, userKeys, itemKeys, copy,
                summary);
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

    /**
     * Writes the model (embeddings, training graph, keys, provenance, attachments) to one checksummed file,
     * atomically: a crash during the save leaves any previous file intact.
     */
    public void save(Path path) throws IOException {
        ModelFile.write(path, new ModelFile.Contents(dim, userEmbeddings, itemEmbeddings, trainGraph, userKeys,
                itemKeys, provenance, attachments));
    }

    /**
     * Reads a model written by {@link #save(Path)}, by this or an earlier version of the library (a model of a file
     * from before keys were saved has identity keys).
     *
     * @throws IOException when the file cannot be read, is not a model file, has an unsupported version, is
     *                     truncated, fails its checksum, or holds inconsistent or non-finite data; the message names
     *                     the file and the failed check
     */
    public static LightGCNModel load(Path path) throws IOException {
        ModelFile.Contents c = ModelFile.read(path);
        return new LightGCNModel(c.dim(), c.userEmbeddings(), c.itemEmbeddings(), c.trainGraph(), c.provenance(),
                c.userKeys(), c.itemKeys(), c.attachments(), null);
    }
}
