package io.github.lightgcn.internal.persist;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Sequential writer of a {@link ChecksummedFile}'s payload: the bytes go through a buffer into a temporary file
 * while their count and CRC32C accumulate; {@link #commit()} appends the footer, syncs, and renames the file over
 * the target. {@link #close()} without a commit discards the temporary file. Where the file goes, and what is
 * refused, is {@link SaveTarget}'s: a write error names the target. Not thread-safe.
 */
public final class ChecksummedOutput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final SaveTarget target;
    private final SaveTarget.Temp tmp;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.BIG_ENDIAN);
    private long flushed;
    private boolean committed;

    ChecksummedOutput(Path target, String what, byte[] magic, int version) throws IOException {
        this.target = SaveTarget.of(target, what);
        this.tmp = this.target.createTemp();
        this.channel = tmp.channel;
        buf.put(magic).putInt(version);
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) flush();
    }

    private void flush() throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        flushed += buf.remaining();
        try {
            while (buf.hasRemaining()) channel.write(buf);
        } catch (IOException e) {
            throw target.failure(e); // e.g. the disk is full: name the target, not the temporary file
        }
        buf.clear();
    }

    public ChecksummedOutput putByte(int v) throws IOException {
        room(1);
        buf.put((byte) v);
        return this;
    }

    public ChecksummedOutput putInt(int v) throws IOException {
        room(4);
        buf.putInt(v);
        return this;
    }

    public ChecksummedOutput putLong(long v) throws IOException {
        room(8);
        buf.putLong(v);
        return this;
    }

    /** A double as its raw bits (NaN payloads kept), so a value read back is the same bit for bit. */
    public ChecksummedOutput putDouble(double v) throws IOException { return putLong(Double.doubleToRawLongBits(v)); }

    public ChecksummedOutput putBytes(byte[] bytes) throws IOException {
        for (int from = 0; from < bytes.length; ) {
            room(1);
            int n = Math.min(buf.remaining(), bytes.length - from);
            buf.put(bytes, from, n);
            from += n;
        }
        return this;
    }

    /** A length-prefixed byte block: int32 length, then the bytes. */
    public ChecksummedOutput putBlock(byte[] bytes) throws IOException { return putInt(bytes.length).putBytes(bytes); }

    /** A string as a block of its UTF-8 bytes. */
    public ChecksummedOutput putString(String s) throws IOException {
        return putBlock(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A string map as a block: int32 count, then (key, value) pairs as {@code DataOutput.writeUTF} (the encoding of
     * format 1's metadata, read back by {@link ChecksummedInput#getStrings}).
     */
    public ChecksummedOutput putStrings(Map<String, String> map) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }
        return putBlock(bytes.toByteArray());
    }

    public ChecksummedOutput putFloats(float[] values) throws IOException {
        for (int from = 0; from < values.length; ) {
            room(4);
            int n = Math.min(buf.remaining() / 4, values.length - from);
            buf.asFloatBuffer().put(values, from, n);
            buf.position(buf.position() + 4 * n);
            from += n;
        }
        return this;
    }

    public ChecksummedOutput putInts(int[] values) throws IOException {
        for (int from = 0; from < values.length; ) {
            room(4);
            int n = Math.min(buf.remaining() / 4, values.length - from);
            buf.asIntBuffer().put(values, from, n);
            buf.position(buf.position() + 4 * n);
            from += n;
        }
        return this;
    }

    public ChecksummedOutput putLongs(long[] values) throws IOException {
        for (int from = 0; from < values.length; ) {
            room(8);
            int n = Math.min(buf.remaining() / 8, values.length - from);
            buf.asLongBuffer().put(values, from, n);
            buf.position(buf.position() + 8 * n);
            from += n;
        }
        return this;
    }

    /**
     * Appends the footer, syncs the file to disk and atomically replaces the target with it.
     *
     * @return the file written: the target, or the file its symbolic link points to
     */
    public Path commit() throws IOException {
        if (committed || !channel.isOpen()) throw new IllegalStateException("already committed or closed");
        room(12);
        long before = flushed + buf.position();
        buf.putInt(ChecksummedFile.FOOTER_MAGIC).putLong(before);
        flush();
        ByteBuffer sum = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
        try {
            while (sum.hasRemaining()) channel.write(sum);
        } catch (IOException e) {
            throw target.failure(e);
        }
        Path written = target.commit(tmp);
        committed = true;
        return written;
    }

    @Override
    public void close() {
        if (!committed) target.discard(tmp);
    }
}
