package io.github.lightgcn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The .npy layout, byte for byte as {@code numpy.save(np.zeros((3, 64), dtype='<f4'))} writes it. */
class NpyTest {

    @TempDir
    Path dir;

    @Test
    void headerIsByteExact() {
        byte[] expected = ("\u0093NUMPY\u0001\u0000v\u0000{'descr': '<f4', 'fortran_order': False, 'shape': (3, 64), }"
                + " ".repeat(57) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(128, expected.length);
        assertArrayEquals(expected, Npy.header(3, 64));
    }

    @Test
    void headerLengthKeepsDataAligned() {
        for (int rows : new int[]{0, 1, 12_294, 1_000_000_000}) {
            for (int cols : new int[]{1, 64, 4096}) {
                byte[] h = Npy.header(rows, cols);
                assertEquals(0, h.length % 64, rows + "x" + cols);
                assertEquals(h.length - 10, (h[8] & 0xff) | (h[9] & 0xff) << 8);
                assertEquals('\n', h[h.length - 1]);
            }
        }
    }

    @Test
    void valuesAreLittleEndianFloat32InRowMajorOrder() throws IOException {
        Path file = dir.resolve("m.npy");
        float[] values = {1f, -2.5f, 3.25f, Float.MIN_VALUE, 0f, 1e30f};
        Npy.write(file, values, 2, 3);
        byte[] bytes = Files.readAllBytes(file);
        byte[] data = Arrays.copyOfRange(bytes, Npy.header(2, 3).length, bytes.length);
        assertEquals(24, data.length);
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3f}, Arrays.copyOf(data, 4)); // 1.0f
        assertArrayEquals(new byte[]{0, 0, 0x20, (byte) 0xc0}, Arrays.copyOfRange(data, 4, 8)); // -2.5f
        assertThrows(IllegalArgumentException.class, () -> Npy.write(file, values, 4, 2));
    }
}
