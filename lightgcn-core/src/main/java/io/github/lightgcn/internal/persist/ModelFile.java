package io.github.lightgcn.internal.persist;

import io.github.lightgcn.Provenance;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.internal.graph.GraphArrays;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file: a {@link ChecksummedFile} with magic {@code LGCNMODL}, written as version {@value #VERSION}, read
 * from version 1 to {@value #VERSION}. Big-endian. The payload of version 2:
 * <pre>
 *   int32       numUsers U, numItems I, dim d, training edges E
 *   keys        user keys, then item keys; each: int8 kind (0 identity, 1 long, 2 string), then for long
 *               U (or I) × int64, for string U (or I) × (int32 length, UTF-8 bytes); none for identity
 *   strings     provenance: int32 block length, int32 count, count × (key, value) as DataOutput.writeUTF
 *   float32[]   user embeddings, U·d, row-major; then item embeddings, I·d
 *   int32[]     training CSR offsets by user, U + 1; then the item of each edge, E, ascending within a user
 *   int32       attachment count A, then A × (name: int32 length + UTF-8, data: int32 length + bytes)
 * </pre>
 * Version 1 has no keys (the model gets identity keys), its counts are followed by the provenance block, and its
 * attachment names are plain blocks. A file's declared sizes are checked against the bytes it holds before anything
 * is allocated, and embeddings must be finite: a damaged or hostile file is an {@link IOException} naming it.
 */
public final class ModelFile {

    public static final String MAGIC = "LGCNMODL";
    public static final int VERSION = 2;
    static final String WHAT = "lightgcn model";

    private static final int IDENTITY = 0, LONG = 1, STRING = 2;

    private ModelFile() {}

    /**
     * What a model file holds (a model's training summary is not saved). The arrays are not copied: when writing they
     * are the model's own, only read; when reading they are fresh. Attachments keep their order.
     */
    public record Contents(int dim, float[] userEmbeddings, float[] itemEmbeddings, InteractionGraph trainGraph,
                           KeyIndex userKeys, KeyIndex itemKeys, Provenance provenance,
                           Map<String, byte[]> attachments) {}

    /**
     * Writes a model atomically (a crash during the save leaves any previous file intact), through a symbolic link
     * to the file it points to ({@link SaveTarget}).
     *
     * @return the file written
     */
    public static Path write(Path path, Contents m) throws IOException {
        InteractionGraph g = m.trainGraph();
        int[] offsets = GraphArrays.userOffsets(g), items = GraphArrays.userItems(g);
        try (ChecksummedOutput out = ChecksummedFile.create(path, MAGIC, VERSION, WHAT)) {
            out.putInt(g.numUsers()).putInt(g.numItems()).putInt(m.dim()).putInt(items.length);
            writeKeys(out, m.userKeys());
            writeKeys(out, m.itemKeys());
            out.putStrings(m.provenance().toMap());
            out.putFloats(m.userEmbeddings()).putFloats(m.itemEmbeddings()).putInts(offsets).putInts(items);
            out.putInt(m.attachments().size());
            for (Map.Entry<String, byte[]> a : m.attachments().entrySet()) {
                out.putString(a.getKey()).putBlock(a.getValue());
            }
            return out.commit();
        }
    }

    private static void writeKeys(ChecksummedOutput out, KeyIndex keys) throws IOException {
        if (keys.isIdentity()) {
            out.putByte(IDENTITY);
        } else if (keys.type() == KeyIndex.Type.LONG) {
            out.putByte(LONG).putLongs(keys.longKeys());
        } else {
            out.putByte(STRING);
            for (int i = 0; i < keys.size(); i++) out.putString(keys.key(i));
        }
    }

    /**
     * Reads a model file of version 1 or 2.
     *
     * @throws IOException when the file cannot be read, is not a model file, has another version, is truncated,
     *                     fails its checksum, or holds inconsistent data; the message names the file and the check
     */
    public static Contents read(Path path) throws IOException {
        try (ChecksummedInput in = ChecksummedFile.open(path, MAGIC, 1, VERSION, WHAT)) {
            int users = in.getInt("numUsers"), items = in.getInt("numItems"), dim = in.getInt("dim");
            int edges = in.getInt("edges");
            if (users < 0 || items < 0 || dim < 1 || edges < 0) {
                throw in.inconsistent("header (users " + users + ", items " + items + ", dim " + dim + ", edges "
                        + edges + ")");
            }
            // the tables the counts announce, before any of them (or the keys) is allocated
            long tables = 4 * ((long) users * dim + (long) items * dim + users + 1L + edges);
            in.require(tables + (in.version() == 1 ? 0 : 2), "the tables of " + users + " users, "
                    + items + " items, dim " + dim + " and " + edges + " edges");
            KeyIndex userKeys = in.version() == 1 ? KeyIndex.identity(users) : readKeys(in, users, "user");
            KeyIndex itemKeys = in.version() == 1 ? KeyIndex.identity(items) : readKeys(in, items, "item");
            Provenance provenance = provenance(in, in.getStrings("provenance"));
            in.require(tables, "the embedding and graph tables");
            float[] userEmb = finite(in, in.getFloats((long) users * dim, "user embeddings"), dim, "user");
            float[] itemEmb = finite(in, in.getFloats((long) items * dim, "item embeddings"), dim, "item");
            InteractionGraph train = graph(in, users, items, in.getInts(users + 1L, "training offsets"),
                    in.getInts(edges, "training items"));
            Map<String, byte[]> attachments = attachments(in);
            in.expectEnd();
            return new Contents(dim, userEmb, itemEmb, train, userKeys, itemKeys, provenance, attachments);
        }
    }

    private static KeyIndex readKeys(ChecksummedInput in, int n, String side) throws IOException {
        int kind = in.getByte(side + " key kind");
        switch (kind) {
            case IDENTITY -> {
                return KeyIndex.identity(n);
            }
            case LONG -> {
                long[] keys = in.getLongs(n, side + " keys");
                try {
                    return KeyIndex.ofLongs(keys);
                } catch (IllegalArgumentException e) {
                    throw in.inconsistent(side + " keys: " + e.getMessage());
                }
            }
            case STRING -> {
                in.require(4L * n, side + " keys");
                List<String> keys = new ArrayList<>(n);
                for (int i = 0; i < n; i++) keys.add(in.getString(side + " key " + i));
                try {
                    return KeyIndex.ofStrings(keys);
                } catch (IllegalArgumentException e) {
                    throw in.inconsistent(side + " keys: " + e.getMessage());
                }
            }
            default -> throw in.inconsistent(side + " key kind " + kind + " (0 identity, 1 long, 2 string)");
        }
    }

    private static Provenance provenance(ChecksummedInput in, Map<String, String> map) throws IOException {
        try {
            return Provenance.fromMap(map);
        } catch (IllegalArgumentException e) {
            throw in.inconsistent(e.getMessage());
        }
    }

    /** Refuses a NaN or infinite value, naming the first user (item) that has one. */
    private static float[] finite(ChecksummedInput in, float[] table, int dim, String side) throws IOException {
        for (int p = 0; p < table.length; p++) {
            if (!Float.isFinite(table[p])) {
                throw new IOException(in.path() + ": " + side + " " + p / dim + " has a non-finite embedding ("
                        + table[p] + " at dimension " + p % dim + "): the model is damaged");
            }
        }
        return table;
    }

    private static InteractionGraph graph(ChecksummedInput in, int users, int items, int[] offsets, int[] itemIds)
            throws IOException {
        int edges = itemIds.length;
        if (offsets[0] != 0 || offsets[users] != edges) throw in.inconsistent("training graph offsets");
        int[] pairUsers = new int[edges];
        for (int u = 0; u < users; u++) {
            if (offsets[u + 1] < offsets[u] || offsets[u + 1] > edges) throw in.inconsistent("training graph offsets");
            for (int p = offsets[u]; p < offsets[u + 1]; p++) pairUsers[p] = u;
        }
        InteractionGraph train;
        try {
            train = InteractionGraph.fromPairs(users, items, pairUsers, itemIds);
        } catch (IllegalArgumentException e) {
            throw in.inconsistent("training graph: " + e.getMessage());
        }
        if (train.duplicatesMerged() != 0) throw in.inconsistent("training graph: repeated edges");
        return train;
    }

    private static Map<String, byte[]> attachments(ChecksummedInput in) throws IOException {
        int count = in.getInt("attachment count");
        if (count < 0) throw in.inconsistent("negative attachment count " + count);
        in.require(8L * count, count + " attachments");
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (int a = 0; a < count; a++) {
            String name = in.getString("attachment name");
            attachments.put(name, in.getBlock("attachment " + name));
        }
        return attachments;
    }
}
