package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The export of a model's embeddings: .npy files NumPy reads and an ids.json naming every row's key. */
class EmbeddingExportTest {

    @TempDir
    Path dir;

    static final LightGCNModel MODEL = LightGCNModel.of(new float[]{1, 2, 3, 4, 5, 6}, new float[]{-1, 0.5f, 7, 8},
            2, InteractionGraph.fromPairs(3, 2, new int[]{0, 2}, new int[]{1, 0}), Map.of());

    @Test
    void npyFilesHoldTheRowsInOrderAndIdsTheIdentityKeys() throws IOException {
        Path out = dir.resolve("new/sub");
        MODEL.exportEmbeddings(out);
        byte[] users = Files.readAllBytes(out.resolve("users.npy"));
        assertArrayEquals(Npy.header(3, 2), Arrays.copyOf(users, 128));
        ByteBuffer data = ByteBuffer.wrap(users, 128, users.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        float[] back = new float[6];
        for (int i = 0; i < 6; i++) back[i] = data.getFloat();
        assertArrayEquals(MODEL.userEmbeddings(), back);
        assertEquals(128 + 4 * 4, Files.size(out.resolve("items.npy")));
        assertEquals("{\n  \"dim\": 2,\n  \"users\": [0, 1, 2],\n  \"items\": [0, 1]\n}\n",
                Files.readString(out.resolve("ids.json")));
    }

    @Test
    void keysOfEitherTypeANamedItemFieldAndColumns() throws IOException {
        EmbeddingExport export = EmbeddingExport.of(MODEL).userKeys(KeyIndex.ofStrings(List.of("ann", "b\"o", "c\\d")))
                .itemKeys(KeyIndex.ofLongs(73000, -5)).itemsName("anime")
                .itemColumn("titles", List.of("Cowboy Bebop", "tab\there\u0001"));
        export.writeTo(dir);
        assertEquals("{\n  \"dim\": 2,\n  \"users\": [\"ann\", \"b\\\"o\", \"c\\\\d\"],\n  \"anime\": [73000, -5],\n"
                + "  \"titles\": [\"Cowboy Bebop\", \"tab\\there\\u0001\"]\n}\n", Files.readString(dir.resolve("ids.json")));
        assertEquals(export.idsJson(), Files.readString(dir.resolve(EmbeddingExport.IDS_FILE)));
    }

    @Test
    void mismatchedSizesAndNamesAreRefused() {
        EmbeddingExport e = EmbeddingExport.of(MODEL);
        assertEquals("userKeys has 2 keys, the model has 3 users", assertThrows(IllegalArgumentException.class,
                () -> e.userKeys(KeyIndex.identity(2))).getMessage());
        assertEquals("itemKeys has 3 keys, the model has 2 items", assertThrows(IllegalArgumentException.class,
                () -> e.itemKeys(KeyIndex.identity(3))).getMessage());
        assertEquals("column 't' has 1 values, the model has 2 items", assertThrows(IllegalArgumentException.class,
                () -> e.itemColumn("t", List.of("x"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.itemColumn("items", List.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> e.itemsName("users"));
        assertThrows(IllegalArgumentException.class, () -> e.itemsName(""));
    }
}
