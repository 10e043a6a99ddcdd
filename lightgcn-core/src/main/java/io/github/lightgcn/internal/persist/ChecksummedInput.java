package io.github.lightgcn.internal.persist;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sequential reader of a verified {@link ChecksummedFile}'s payload, streamed from the file. Every read first checks
 * that the payload has the bytes it needs, so a count read from the file can never make it allocate more than the
 * file holds; running short, like any other problem with the content, is an {@link IOException} naming the file and
 * the field. Not thread-safe.
 */
public final class ChecksummedInput implements Closeable {

    private final Path path;
    private final String what;
    private final int version;
    private final FileChannel channel;
    private final long end;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
    private long next; // file position of the byte after those in buf

    ChecksummedInput(Path path, String what, int version, FileChannel channel, long start, long end) {
        this.path = path;
        this.what = what;
        this.version = version;
        this.channel = channel;
        this.end = end;
        this.next = start;
        buf.limit(0);
    }

    /** The file's format version (within the range the caller asked for). */
    public int version() { return version; }

    public Path path() { return path; }

    /** Payload bytes not read yet. */
    public long remaining() { return end - next + buf.remaining(); }

    /** An error about this file's content. */
    public IOException inconsistent(String problem) {
        return new IOException(path + ": inconsistent " + what + " file: " + problem);
    }

    /**
     * Fails unless at least {@code bytes} payload bytes are left: the check of a size declared in the file against
     * what the file holds, made before anything of that size is allocated.
     */
    public void require(long bytes, String field) throws IOException {
        if (bytes < 0 || bytes > remaining()) {
            throw inconsistent(field + " needs " + (bytes < 0 ? "a negative number of" : Long.toString(bytes))
                    + " bytes, " + remaining() + " left");
        }
    }

    /** Makes at least {@code bytes} (at most the buffer's capacity) readable in the buffer. */
    private void fill(int bytes, String field) throws IOException {
        require(bytes, field);
        if (buf.remaining() >= bytes) return;
        buf.compact();
        while (buf.position() < bytes) {
            int n = channel.read(buf.limit((int) Math.min(buf.capacity(), buf.position() + end - next)), next);
            if (n <= 0) throw new IOException(path + ": " + what + " file changed while being read");
            next += n;
        }
        buf.flip();
    }

    public int getByte(String field) throws IOException {
        fill(1, field);
        return buf.get() & 0xff;
    }

    public int getInt(String field) throws IOException {
        fill(4, field);
        return buf.getInt();
    }

    public long getLong(String field) throws IOException {
        fill(8, field);
        return buf.getLong();
    }

    public double getDouble(String field) throws IOException { return Double.longBitsToDouble(getLong(field)); }

    public byte[] getBytes(int n, String field) throws IOException {
        require(n, field);
        byte[] out = new byte[n];
        for (int from = 0; from < n; ) {
            fill(1, field);
            int k = Math.min(buf.remaining(), n - from);
            buf.get(out, from, k);
            from += k;
        }
        return out;
    }

    /** A block written by {@link ChecksummedOutput#putBlock}. */
    public byte[] getBlock(String field) throws IOException { return getBytes(getInt(field + " length"), field); }

    /** A string written by {@link ChecksummedOutput#putString}; malformed UTF-8 is an IOException. */
    public String getString(String field) throws IOException {
        byte[] bytes = getBlock(field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw inconsistent(field + " is not UTF-8");
        }
    }

    /** A string map written by {@link ChecksummedOutput#putStrings} (or format 1's metadata block). */
    public Map<String, String> getStrings(String field) throws IOException {
        byte[] block = getBlock(field);
        Map<String, String> map = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
            int count = in.readInt();
            if (count < 0 || count > block.length / 4) throw new IOException("bad entry count " + count);
            for (int e = 0; e < count; e++) map.put(in.readUTF(), in.readUTF());
            if (in.available() != 0) throw new IOException(in.available() + " bytes after the last entry");
        } catch (IOException e) {
            throw inconsistent("unreadable " + field + ": " + e.getMessage());
        }
        return map;
    }

    public float[] getFloats(long n, String field) throws IOException {
        float[] out = new float[checkedCount(n, 4, field)];
        for (int from = 0; from < out.length; ) {
            fill(4, field);
            int k = Math.min(buf.remaining() / 4, out.length - from);
            buf.asFloatBuffer().get(out, from, k);
            buf.position(buf.position() + 4 * k);
            from += k;
        }
        return out;
    }

    public int[] getInts(long n, String field) throws IOException {
        int[] out = new int[checkedCount(n, 4, field)];
        for (int from = 0; from < out.length; ) {
            fill(4, field);
            int k = Math.min(buf.remaining() / 4, out.length - from);
            buf.asIntBuffer().get(out, from, k);
            buf.position(buf.position() + 4 * k);
            from += k;
        }
        return out;
    }

    public long[] getLongs(long n, String field) throws IOException {
        long[] out = new long[checkedCount(n, 8, field)];
        for (int from = 0; from < out.length; ) {
            fill(8, field);
            int k = Math.min(buf.remaining() / 8, out.length - from);
            buf.asLongBuffer().get(out, from, k);
            buf.position(buf.position() + 8 * k);
            from += k;
        }
        return out;
    }

    /** {@code n} values of {@code width} bytes must be in the payload and fit in one array. */
    private int checkedCount(long n, int width, String field) throws IOException {
        if (n < 0 || n > Integer.MAX_VALUE - 8) throw inconsistent(field + ": impossible count " + n);
        require(n * width, field);
        return (int) n;
    }

    /** Fails unless every payload byte was read. */
    public void expectEnd() throws IOException {
        if (remaining() != 0) throw inconsistent(remaining() + " unexpected bytes at the end");
    }

    @Override
    public void close() throws IOException { channel.close(); }
}
