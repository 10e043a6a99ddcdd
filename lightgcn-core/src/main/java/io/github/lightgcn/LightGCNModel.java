package io.github.lightgcn;

import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.internal.persist.ModelFile;
import io.github.lightgcn.internal.simd.VectorOps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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
    final ModelCache cache = new ModelCache(this); // for the query classes: norms and popularity, on first use

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

    // ---- queries: by the application's key (String, or long without boxing) or, in a "ByIndex" twin, by dense
    // index; distinct names, so that a long key held in an int is never taken for an index

    /** The k best items for a known user (training items excluded); an unknown key fails, naming it. */
    public List<ScoredItem> recommend(String userKey, int k) { return recommend(userKey, RecommendOptions.top(k)); }

    /** The k best items for a known user (training items excluded); an unknown key fails, naming it. */
    public List<ScoredItem> recommend(long userKey, int k) { return recommend(userKey, RecommendOptions.top(k)); }

    /**
     * The best items for a user, best first, as the options say (by default the user's training items are left
     * out). Fewer than k when fewer items are left. A key the model does not hold gets what
     * {@link RecommendOptions#coldStart()} says: an {@link UnknownKeyException} (the default) or popular items.
     */
    public List<ScoredItem> recommend(String userKey, RecommendOptions options) {
        int user = userKeys.indexOf(userKey);
        return user >= 0 ? recommendByIndex(user, options) : Recommender.coldStart(this, userKey, options);
    }

    /** As {@link #recommend(String, RecommendOptions)}, for a long key. */
    public List<ScoredItem> recommend(long userKey, RecommendOptions options) {
        int user = userKeys.indexOf(userKey);
        return user >= 0 ? recommendByIndex(user, options) : Recommender.coldStart(this, Long.toString(userKey), options);
    }

    /** As {@link #recommend(String, RecommendOptions)}, for the user of a dense index in [0, numUsers). */
    public List<ScoredItem> recommendByIndex(int user, RecommendOptions options) {
        return Recommender.forUser(this, user, options);
    }

    /**
     * The best items for an arbitrary user vector ({@code dim} values, e.g. a stored
     * {@link NewUserRecommendations#userVector()}), best first, as the options say (no training items to leave out).
     */
    public List<ScoredItem> recommendForVector(float[] userVector, RecommendOptions options) {
        return Recommender.forVector(this, userVector, options, new int[0]);
    }

    /**
     * Recommendations for a user who is not in the training data, from the items they like, without retraining
     * (the user is folded in as {@link RecommendOptions#foldIn()} says: {@link NewUserRecommendations} gives the
     * default formula, {@link FoldInMethod} the alternative). The liked items are left out;
     * repeats count once. No likes: popular items with {@link ColdStartStrategy#POPULARITY}, else an error.
     *
     * @throws UnknownKeyException naming every liked key the model does not hold
     */
    public NewUserRecommendations recommendForNewUser(Collection<String> likedItemKeys, RecommendOptions options) {
        return Recommender.forNewUser(this, KeyLookup.items(itemKeys, likedItemKeys), options);
    }

    /** As {@link #recommendForNewUser(Collection, RecommendOptions)}, for long item keys. */
    public NewUserRecommendations recommendForNewUser(long[] likedItemKeys, RecommendOptions options) {
        return Recommender.forNewUser(this, KeyLookup.items(itemKeys, likedItemKeys), options);
    }

    /** As {@link #recommendForNewUser(Collection, RecommendOptions)}, for liked item indexes. */
    public NewUserRecommendations recommendForNewUserByIndex(int[] likedItems, RecommendOptions options) {
        return Recommender.forNewUser(this, likedItems, options);
    }

    /**
     * The items most similar to one item: cosine of their final embeddings (norms computed once per model),
     * best first, the item itself and the options' exclusions left out.
     */
    public List<ScoredItem> similarItems(String itemKey, SimilarOptions options) {
        return similarItemsByIndex(KeyLookup.item(itemKeys, itemKey), options);
    }

    /** As {@link #similarItems(String, SimilarOptions)}, for a long key. */
    public List<ScoredItem> similarItems(long itemKey, SimilarOptions options) {
        return similarItemsByIndex(KeyLookup.item(itemKeys, itemKey), options);
    }

    /** As {@link #similarItems(String, SimilarOptions)}, for an item index. */
    public List<ScoredItem> similarItemsByIndex(int item, SimilarOptions options) {
        checkItem(item);
        return Similarity.items(this, item, options);
    }

    /** The users most similar to one user: cosine of their final embeddings, the user left out. */
    public List<ScoredUser> similarUsers(String userKey, SimilarOptions options) {
        return similarUsersByIndex(KeyLookup.user(userKeys, userKey), options);
    }

    /** As {@link #similarUsers(String, SimilarOptions)}, for a long key. */
    public List<ScoredUser> similarUsers(long userKey, SimilarOptions options) {
        return similarUsersByIndex(KeyLookup.user(userKeys, userKey), options);
    }

    /** As {@link #similarUsers(String, SimilarOptions)}, for a user index. */
    public List<ScoredUser> similarUsersByIndex(int user, SimilarOptions options) {
        checkUser(user);
        return Similarity.users(this, user, options);
    }

    /**
     * Recommendations for every user, in index order, handed to {@code consumer} one user at a time on the
     * caller's thread. Ranked a chunk of users at a time on {@link RecommendOptions#threads()} threads by the
     * blocked SIMD ranking evaluation uses, so memory stays bounded; each list equals what
     * {@link #recommendByIndex} returns for that user.
     */
    public void recommendForAllUsers(RecommendOptions options, Consumer<UserRecommendations> consumer) {
        BatchRecommender.forIndexes(this, IntStream.range(0, numUsers).toArray(), options, consumer);
    }

    /**
     * As {@link #recommendForAllUsers}, for the listed users in list order. An unknown key fails the whole batch
     * before any ranking, naming every unknown key, unless the options choose {@link ColdStartStrategy#POPULARITY}.
     */
    public void recommendForUsers(List<String> userKeys, RecommendOptions options,
                                  Consumer<UserRecommendations> consumer) {
        BatchRecommender.forKeys(this, userKeys, options, consumer);
    }

    /** As {@link #recommendForUsers(List, RecommendOptions, Consumer)}, for long keys. */
    public void recommendForUsers(long[] userKeys, RecommendOptions options, Consumer<UserRecommendations> consumer) {
        BatchRecommender.forKeys(this, userKeys, options, consumer);
    }

    /** As {@link #recommendForAllUsers}, for the users of the listed indexes (each in [0, numUsers)), in order. */
    public void recommendForUsersByIndex(int[] users, RecommendOptions options, Consumer<UserRecommendations> consumer) {
        BatchRecommender.forIndexes(this, users.clone(), options, consumer);
    }

    /**
     * Full-ranking metrics on held-out interactions (training items masked; the users with a held-out item
     * averaged): recall, precision, NDCG, hit rate, MAP and MRR at every K of the options.
     */
    public Metrics evaluate(InteractionGraph heldOut, EvaluationOptions options) {
        PopularityBaseline.checkSameShape(trainGraph, heldOut);
        return Evaluator.run(new EmbeddingScorer(userEmbeddings, itemEmbeddings, dim), trainGraph, heldOut, options);
    }

    /** {@link #evaluate(InteractionGraph, EvaluationOptions)} at these K on all cores. */
    public Metrics evaluate(InteractionGraph heldOut, int... ks) { return evaluate(heldOut, EvaluationOptions.atK(ks)); }

    /** The popularity baseline of this model's training data, evaluated exactly as {@link #evaluate} is. */
    public Metrics evaluatePopularity(InteractionGraph heldOut, EvaluationOptions options) {
        return PopularityBaseline.evaluate(trainGraph, heldOut, options);
    }

    /** Writes the final embeddings and keys as NumPy files into {@code dir} ({@link EmbeddingExport}). */
    public void exportEmbeddings(Path dir) throws IOException { EmbeddingExport.of(this).writeTo(dir); }

    float[] userTable() { return userEmbeddings; } // the live tables, for the query classes (never handed out)

    float[] itemTable() { return itemEmbeddings; }

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
     * atomically: a crash during the save leaves any previous file intact. A {@code path} that is a symbolic link is
     * written through (the file it points to is replaced, the link stays); one that is a folder, device, pipe or
     * socket is refused. The file gets the permissions of the file it replaces, else the default ones (umask).
     *
     * @return the file written: {@code path}, or the file its symbolic link points to
     * @throws IOException naming {@code path} when it cannot be written (e.g. it is a folder, or the disk is full)
     */
    public Path save(Path path) throws IOException {
        return ModelFile.write(path, new ModelFile.Contents(dim, userEmbeddings, itemEmbeddings, trainGraph, userKeys,
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
