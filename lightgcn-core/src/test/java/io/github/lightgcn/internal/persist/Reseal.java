package io.github.lightgcn.internal.persist;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** Test helper: rewrites a container's checksum after a deliberate edit, as a hostile writer would. */
final class Reseal {

    private Reseal() {}

    /** The bytes with their last 8 bytes set to the CRC32C of all before them (both container layouts end so). */
    static byte[] resealed(byte[] file) {
        byte[] out = file.clone();
        CRC32C crc = new CRC32C();
        crc.update(out, 0, out.length - 8);
        ByteBuffer.wrap(out, out.length - 8, 8).putLong(crc.getValue());
        return out;
    }

    static byte[] withInt(byte[] file, int offset, int value) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putInt(offset, value);
        return resealed(out);
    }

    /** The offset of the first occurrence of a float's big-endian bits. */
    static int find(byte[] file, float value) {
        byte[] pattern = ByteBuffer.allocate(4).putFloat(value).array();
        outer:
        for (int p = 0; p + 4 <= file.length; p++) {
            for (int k = 0; k < 4; k++) if (file[p + k] != pattern[k]) continue outer;
            return p;
        }
        throw new AssertionError("value " + value + " not in the file");
    }
}
