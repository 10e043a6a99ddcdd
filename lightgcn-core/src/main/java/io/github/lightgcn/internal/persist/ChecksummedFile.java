package io.github.lightgcn.internal.persist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The container shared by model and checkpoint files: big-endian, written atomically, checked on read.
 * <pre>
 *   8 bytes  magic (ASCII, names the kind of file)
 *   4 bytes  format version
 *   8 bytes  total file length in bytes, checksum included
 *   …        payload
 *   8 bytes  CRC32C of every preceding byte, as an int64
 * </pre>
 * Writing goes to a temporary file in the target's folder, which is flushed to disk and then renamed over the
 * target, so a crash or kill during a save leaves the previous file intact.
 */
public final class ChecksummedFile {

    static final int PREAMBLE = 20;
    private static final int CHUNK = 1 << 16;

    private ChecksummedFile() {}

    /** Starts writing a file whose payload has exactly {@code payloadBytes} bytes. */
    public static Writer create(Path target, String magic, int version, long payloadBytes) throws IOException {
        return new Writer(target, magicBytes(magic), version, PREAMBLE + payloadBytes + 8);
    }

    private static byte[] magicBytes(String magic) {
        byte[] m = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (m.length != 8) throw new IllegalArgumentException("magic must be 8 ASCII characters: " + magic);
        return m;
    }

    /**
     * Reads and verifies a whole file: magic, version, declared length, checksum. Every failure is an
     * {@link IOException} naming the file and the failed check.
     *
     * @param what a description for messages, e.g. "lightgcn model"
     */
    public static Reader read(Path path, String magic, int version, String what) throws IOException {
        long size = Files.size(path);
        if (size > Integer.MAX_VALUE - 16) throw new IOException(path + ": " + what + " file too large (" + size + " bytes)");
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer buf = checkMagicAndVersion(path, bytes, bytes.length, PREAMBLE + 8, magic, version, what);
        long declared = buf.getLong();
        if (declared != bytes.length) {
            throw new IOException(path + ": " + what + " file is " + (bytes.length < declared ? "truncated" : "too long")
                    + ": header says " + declared + " bytes, the file has " + bytes.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IOException(path + ": " + what + " file is corrupted: checksum mismatch (stored "
                    + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
        }
        buf.limit(bytes.length - 8);
        return new Reader(path, what, buf);
    }

    /**
     * The first {@code payloadBytes} of a file's payload, after the same magic and version checks as {@link #read},
     * without reading the rest of the file or verifying its checksum (which only {@link #read} does): a quick look
     * at a header. Failures are {@link IOException}s naming the file.
     */
    public static ByteBuffer readStart(Path path, String magic, int version, String what, int payloadBytes)
            throws IOException {
        byte[] head = new byte[PREAMBLE + payloadBytes];
        int length;
        try (var in = Files.newInputStream(path)) {
            length = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer buf = checkMagicAndVersion(path, head, length, head.length, magic, version, what);
        buf.getLong(); // the declared length, which read checks against the whole file
        return buf;
    }

    /** Checks the magic and the version at the start of {@code bytes[0, length)}; the buffer is left after them. */
    private static ByteBuffer checkMagicAndVersion(Path path, byte[] bytes, int length, int minimum, String magic,
                                                   int version, String what) throws IOException {
        if (length < minimum || !Arrays.equals(bytes, 0, 8, magicBytes(magic), 0, 8)) {
            throw new IOException(path + ": not a " + what + " file (bad magic or shorter than the " + minimum
                    + "-byte minimum)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.BIG_ENDIAN);
        buf.position(8);
        int found = buf.getInt();
        if (found != version) {
            throw new IOException(path + ": unsupported " + what + " format version " + found + " (this library reads "
                    + version + ")");
        }
        return buf;
    }

    /** Sequential writer of the payload; {@link #commit()} makes the file appear, {@link #close()} discards it. */
    public static final class Writer implements Closeable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.BIG_ENDIAN);
        private final long totalBytes;
        private long written;
        private boolean committed;

        private Writer(Path target, byte[] magic, int version, long totalBytes) throws IOException {
            this.target = target;
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            this.tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.totalBytes = totalBytes;
            ByteBuffer pre = ByteBuffer.allocate(PREAMBLE).put(magic).putInt(version).putLong(totalBytes).flip();
            write(pre);
        }

        private void write(ByteBuffer buf) throws IOException {
            crc.update(buf.duplicate());
            written += buf.remaining();
            while (buf.hasRemaining()) channel.write(buf);
        }

        public Writer putInt(int v) throws IOException { return putBytes(ByteBuffer.allocate(4).putInt(v).array()); }

        public Writer putLong(long v) throws IOException { return putBytes(ByteBuffer.allocate(8).putLong(v).array()); }

        public Writer putBytes(byte[] bytes) throws IOException {
            write(ByteBuffer.wrap(bytes));
            return this;
        }

        /** A length-prefixed byte block. */
        public Writer putBlock(byte[] bytes) throws IOException { return putInt(bytes.length).putBytes(bytes); }

        public Writer putFloats(float[] values) throws IOException {
            return putFourByteValues(values.length, (from, n) -> chunk.asFloatBuffer().put(values, from, n));
        }

        public Writer putInts(int[] values) throws IOException {
            return putFourByteValues(values.length, (from, n) -> chunk.asIntBuffer().put(values, from, n));
        }

        /** Writes {@code length} 4-byte values chunk by chunk; {@code fill} puts values [from, from + n) in the chunk. */
        private Writer putFourByteValues(int length, java.util.function.BiConsumer<Integer, Integer> fill)
                throws IOException {
            for (int from = 0; from < length; from += CHUNK) {
                int n = Math.min(CHUNK, length - from);
                chunk.clear();
                fill.accept(from, n);
                chunk.limit(4 * n);
                write(chunk);
            }
            return this;
        }

        /** Appends the checksum, syncs to disk and atomically replaces the target. */
        public void commit() throws IOException {
            if (written != totalBytes - 8) {
                throw new IllegalStateException("payload size mismatch: wrote " + (written - PREAMBLE)
                        + " bytes, declared " + (totalBytes - 8 - PREAMBLE));
            }
            ByteBuffer tail = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
            while (tail.hasRemaining()) channel.write(tail);
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) channel.close();
            if (!committed) Files.deleteIfExists(tmp);
        }
    }

    /** Sequential reader of a verified payload; reading past its end is an {@link IOException}. */
    public static final class Reader {
        private final Path path;
        private final String what;
        private final ByteBuffer buf;

        private Reader(Path path, String what, ByteBuffer buf) {
            this.path = path;
            this.what = what;
            this.buf = buf;
        }

        public Path path() { return path; }

        /** An error about this file's content. */
        public IOException inconsistent(String problem) {
            return new IOException(path + ": inconsistent " + what + " file: " + problem);
        }

        private void need(long bytes, String field) throws IOException {
            if (bytes < 0 || bytes > buf.remaining()) {
                throw inconsistent(field + " needs " + bytes + " bytes, " + buf.remaining() + " left");
            }
        }

        public int getInt(String field) throws IOException {
            need(4, field);
            return buf.getInt();
        }

        public long getLong(String field) throws IOException {
            need(8, field);
            return buf.getLong();
        }

        public byte[] getBytes(int n, String field) throws IOException {
            need(n, field);
            byte[] out = new byte[n];
            buf.get(out);
            return out;
        }

        public byte[] getBlock(String field) throws IOException { return getBytes(getInt(field + " length"), field); }

        public float[] getFloats(long n, String field) throws IOException {
            need(4 * n, field);
            float[] out = new float[(int) n];
            buf.asFloatBuffer().get(out);
            buf.position(buf.position() + 4 * out.length);
            return out;
        }

        public int[] getInts(long n, String field) throws IOException {
            need(4 * n, field);
            int[] out = new int[(int) n];
            buf.asIntBuffer().get(out);
            buf.position(buf.position() + 4 * out.length);
            return out;
        }

        /** Fails unless every payload byte was consumed. */
        public void expectEnd() throws IOException {
            if (buf.hasRemaining()) throw inconsistent(buf.remaining() + " unexpected bytes at the end");
        }
    }

    /** Encodes a string map as a block: int count, then (key, value) pairs as DataOutput.writeUTF. */
    public static byte[] encodeStrings(Map<String, String> map) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode metadata: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Decodes {@link #encodeStrings}. */
    public static Map<String, String> decodeStrings(byte[] block, Reader owner) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            int count = in.readInt();
            for (int e = 0; e < count; e++) map.put(in.readUTF(), in.readUTF());
            if (count < 0 || in.available() != 0) throw new IOException("bad entry count " + count);
        } catch (IOException | BufferUnderflowException e) {
            throw owner.inconsistent("unreadable string table: " + e.getMessage());
        }
        return map;
    }
}
