package io.github.lightgcn;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a float matrix as a NumPy {@code .npy} file, format version 1.0: the magic {@code \x93NUMPY}, version
 * bytes 1 0, a little-endian uint16 header length, an ASCII dict header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and ended by a newline
 * so that the data starts at a multiple of 64 bytes, then the values as little-endian float32 in C (row-major)
 * order. {@code numpy.load} reads it as an {@code (n, d)} float32 array.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {}

    /** The header (magic to the newline) for an {@code rows × cols} float32 matrix. */
    static byte[] header(int rows, int cols) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }

    /** Writes {@code values} (row-major, {@code rows × cols}) to {@code file}. */
    static void write(Path file, float[] values, int rows, int cols) throws IOException {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + " x " + cols + " matrix");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header(rows, cols));
            ByteBuffer chunk = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
                chunk.putFloat(v);
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }
}
