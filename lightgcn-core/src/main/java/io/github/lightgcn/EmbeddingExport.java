package io.github.lightgcn;

import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.internal.JsonStrings;
import io.github.lightgcn.internal.persist.StagedFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The final embeddings of a model as NumPy files, for serving elsewhere (e.g. an approximate nearest-neighbour
 * index): {@value #USERS_FILE} and {@value #ITEMS_FILE} (NumPy format 1.0, little-endian float32, C order, shape
 * {@code (n, dim)}; {@code numpy.load} reads them) and {@value #IDS_FILE}, which maps every row back to its key:
 * <pre>
 *   {
 *     "dim": 64,
 *     "users": [key of user row 0, ...],
 *     "items": [key of item row 0, ...],
 *     "title": ["...", ...]              (any per-item columns added with {@link #itemColumn})
 *   }
 * </pre>
 * Long keys are JSON numbers, string keys JSON strings. In Python the score of user row u for item row i is
 * {@code users[u] @ items[i]}. Immutable: each setting returns a new export.
 */
public final class EmbeddingExport {

    public static final String USERS_FILE = "users.npy", ITEMS_FILE = "items.npy", IDS_FILE = "ids.json";

    private final LightGCNModel model;
    private final KeyIndex userKeys, itemKeys;
    private final String itemsName;
    private final Map<String, List<String>> columns;

    private EmbeddingExport(LightGCNModel model, KeyIndex userKeys, KeyIndex itemKeys, String itemsName,
                            Map<String, List<String>> columns) {
        this.model = model;
        this.userKeys = userKeys;
        this.itemKeys = itemKeys;
        this.itemsName = itemsName;
        this.columns = columns;
    }

    /** The export of a model with its own keys, the item keys under {@code "items"}. */
    public static EmbeddingExport of(LightGCNModel model) {
        return new EmbeddingExport(model, model.userKeys(), model.itemKeys(), "items", Map.of());
    }

    /** Writes these user keys instead of the model's (one per user, e.g. ids kept outside the model). */
    public EmbeddingExport userKeys(KeyIndex keys) {
        if (keys.size() != model.numUsers()) {
            throw new IllegalArgumentException("userKeys has " + keys.size() + " keys, the model has "
                    + model.numUsers() + " users");
        }
        return new EmbeddingExport(model, keys, itemKeys, itemsName, columns);
    }

    /** Writes these item keys instead of the model's (one per item). */
    public EmbeddingExport itemKeys(KeyIndex keys) {
        if (keys.size() != model.numItems()) {
            throw new IllegalArgumentException("itemKeys has " + keys.size() + " keys, the model has "
                    + model.numItems() + " items");
        }
        return new EmbeddingExport(model, userKeys, keys, itemsName, columns);
    }

    /** The name of the item keys' field in {@value #IDS_FILE} ({@code "items"} unless set), e.g. {@code "anime"}. */
    public EmbeddingExport itemsName(String name) {
        checkName(name, "itemsName");
        if (columns.containsKey(name)) throw new IllegalArgumentException("itemsName '" + name + "' is a column");
        return new EmbeddingExport(model, userKeys, itemKeys, name, columns);
    }

    /** One more per-item field of strings (e.g. titles), one value per item, after the keys in the JSON. */
    public EmbeddingExport itemColumn(String name, List<String> values) {
        checkName(name, "column name");
        if (name.equals(itemsName) || columns.containsKey(name)) {
            throw new IllegalArgumentException("column name '" + name + "' is already used");
        }
        if (values.size() != model.numItems()) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.size() + " values, the model has "
                    + model.numItems() + " items");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(columns);
        copy.put(name, List.copyOf(values));
        return new EmbeddingExport(model, userKeys, itemKeys, itemsName, copy);
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isEmpty() || Set.of("dim", "users").contains(name)) {
            throw new IllegalArgumentException(what + " must be a non-empty name other than dim and users, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * Writes the three files into {@code dir} (created if needed with its parents), all or nothing: they are written
     * into a staging folder and synced, then a new folder is renamed into place at once, and an existing one gets
     * each file renamed over its old version (its other files are kept). A crash, a kill or a full disk never leaves
     * a truncated {@code .npy} or a missing {@value #IDS_FILE}; what a killed export left is deleted by the next.
     *
     * @throws IOException naming {@code dir} (and the file) when it is a file or cannot be written
     */
    public void writeTo(Path dir) throws IOException {
        try (StagedFolder folder = StagedFolder.create(dir)) {
            folder.write(USERS_FILE, f -> Npy.write(f, model.userTable(), model.numUsers(), model.dim()));
            folder.write(ITEMS_FILE, f -> Npy.write(f, model.itemTable(), model.numItems(), model.dim()));
            folder.write(IDS_FILE, f -> Files.writeString(f, idsJson()));
            folder.commit();
        }
    }

    /** The text of {@value #IDS_FILE}. */
    String idsJson() {
        StringBuilder sb = new StringBuilder("{\n  \"dim\": ").append(model.dim()).append(",\n  \"users\": [");
        keys(sb, userKeys);
        sb.append("],\n  ");
        JsonStrings.append(sb, itemsName);
        sb.append(": [");
        keys(sb, itemKeys);
        for (Map.Entry<String, List<String>> c : columns.entrySet()) {
            sb.append("],\n  ");
            JsonStrings.append(sb, c.getKey());
            sb.append(": [");
            List<String> values = c.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(", ");
                JsonStrings.append(sb, values.get(i));
            }
        }
        return sb.append("]\n}\n").toString();
    }

    private static void keys(StringBuilder sb, KeyIndex keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sb.append(", ");
            if (keys.type() == KeyIndex.Type.LONG) sb.append(keys.longKey(i));
            else JsonStrings.append(sb, keys.key(i));
        }
    }
}
