package io.github.lightgcn.internal.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The container shared by model and checkpoint files, in the manner of Lucene's {@code CodecUtil}: a header that
 * names the kind of file and its version, the payload, and a footer that lets a reader tell a complete file from a
 * truncated, extended or damaged one. Big-endian.
 * <pre>
 *   header   8 bytes magic (ASCII, names the kind of file), int32 version
 *   payload  written and read sequentially ({@link ChecksummedOutput}, {@link ChecksummedInput})
 *   footer   int32 {@value #FOOTER_MAGIC_HEX}, int64 number of bytes before the footer,
 *            int64 CRC32C of every byte before this checksum (the footer's first 12 bytes included)
 * </pre>
 * The writer computes the length and the checksum while it streams, so no format has to announce its payload size.
 * A reader states the versions it supports ({@code minVersion..maxVersion}); another version is refused with both.
 *
 * <p>Version 1 files, written before this layout, are still read: their header carries the total file length
 * (int64) after the version, and their last 8 bytes are the CRC32C of every byte before them.
 */
public final class ChecksummedFile {

    /** Marks the start of the footer. */
    static final int FOOTER_MAGIC = 0xC0DA_F007;
    static final String FOOTER_MAGIC_HEX = "0xC0DAF007";
    static final int HEADER = 12;
    static final int FOOTER = 20;
    static final int V1_HEADER = 20;
    static final int V1_FOOTER = 8;

    private ChecksummedFile() {}

    /**
     * Starts writing {@code target} (of the current layout, version 2 or later): the data goes to a temporary file
     * in the same folder, which {@link ChecksummedOutput#commit()} flushes to disk and renames over the target, so a crash or
     * kill during a save leaves the previous file intact. {@link SaveTarget} decides where the file goes: through a
     * symbolic link, never over a folder or a device; every error names the target.
     *
     * @param what a description for messages, e.g. "lightgcn model"
     */
    public static ChecksummedOutput create(Path target, String magic, int version, String what) throws IOException {
        if (version < 2) throw new IllegalArgumentException("version must be >= 2 (1 is the old layout), got " + version);
        return new ChecksummedOutput(target, what, magicBytes(magic), version);
    }

    static byte[] magicBytes(String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (m.length != 8) throw new IllegalArgumentException("magic must be 8 ASCII characters: " + magic);
        return m;
    }

    /**
     * Opens a file and verifies its header (magic, a version in {@code minVersion..maxVersion}), its footer (the
     * length matches the file) and its checksum, reading it once; the returned reader then streams the payload.
     * Every failure is an {@link IOException} naming the file and the failed check.
     *
     * @param what a description for messages, e.g. "lightgcn model"
     */
    public static ChecksummedInput open(Path path, String magic, int minVersion, int maxVersion, String what)
            throws IOException {
        requireRegularFile(path, what);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            int version = checkHeader(path, channel, size, magic, minVersion, maxVersion, what);
            long payloadStart = version == 1 ? V1_HEADER : HEADER;
            long payloadEnd = version == 1 ? checkV1Length(path, channel, size, what) : checkFooter(path, channel, size, what);
            verifyChecksum(path, channel, size, what);
            return new ChecksummedInput(path, what, version, channel, payloadStart, payloadEnd);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The first {@code payloadBytes} of a file's payload after the same header checks as {@link #open}, without
     * reading the rest of the file or verifying its checksum: a quick look at where a file stands.
     */
    public static Header readStart(Path path, String magic, int minVersion, int maxVersion, String what,
                                   int payloadBytes) throws IOException {
        requireRegularFile(path, what);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            int version = checkHeader(path, channel, size, magic, minVersion, maxVersion, what);
            int start = version == 1 ? V1_HEADER : HEADER;
            ByteBuffer head = ByteBuffer.allocate(payloadBytes);
            readFully(channel, head, start);
            if (head.hasRemaining()) throw new IOException(path + ": " + what + " file is truncated");
            return new Header(version, head.flip());
        }
    }

    /**
     * A folder, device, pipe or socket is refused before it is opened: a pipe would block the open, and a device
     * such as {@code /dev/zero} has no size to check the file's declared lengths against.
     */
    private static void requireRegularFile(Path path, String what) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class); // NoSuchFileException naming it
        if (!a.isRegularFile()) {
            throw new IOException(path + ": not a " + what + " file: it is " + SaveTarget.kind(path, a)
                    + ", not a regular file");
        }
    }

    /** A file's version and the start of its payload (positioned at the payload's first byte). */
    public record Header(int version, ByteBuffer payload) {}

    private static int checkHeader(Path path, FileChannel channel, long size, String magic, int minVersion,
                                   int maxVersion, String what) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        readFully(channel, head, 0);
        if (head.hasRemaining() || !Arrays.equals(head.array(), 0, 8, magicBytes(magic), 0, 8)) {
            throw new IOException(path + ": not a " + what + " file (bad magic or shorter than " + HEADER + " bytes)");
        }
        int version = head.getInt(8);
        if (version < minVersion || version > maxVersion) {
            throw new IOException(path + ": " + what + " file version " + version + ", this library reads "
                    + minVersion + " to " + maxVersion);
        }
        long minimum = version == 1 ? V1_HEADER + V1_FOOTER : HEADER + FOOTER;
        if (size < minimum) {
            throw new IOException(path + ": " + what + " file is truncated: " + size + " bytes, the smallest is "
                    + minimum);
        }
        return version;
    }

    /** Version 1: the header's total length must be the file's; returns where the payload ends. */
    private static long checkV1Length(Path path, FileChannel channel, long size, String what) throws IOException {
        long declared = readAt(path, channel, HEADER, 8).getLong();
        if (declared != size) {
            throw new IOException(path + ": " + what + " file is " + (size < declared ? "truncated" : "too long")
                    + ": header says " + declared + " bytes, the file has " + size);
        }
        return size - V1_FOOTER;
    }

    /** The footer must be where the file ends and count the bytes before it; returns where the payload ends. */
    private static long checkFooter(Path path, FileChannel channel, long size, String what) throws IOException {
        ByteBuffer footer = readAt(path, channel, size - FOOTER, FOOTER);
        int marker = footer.getInt();
        long before = footer.getLong();
        if (marker != FOOTER_MAGIC) {
            throw new IOException(path + ": " + what + " file is truncated, extended or damaged: it does not end "
                    + "with a footer");
        }
        if (before != size - FOOTER) {
            throw new IOException(path + ": " + what + " file is " + (size - FOOTER < before ? "truncated" : "too long")
                    + ": the footer counts " + before + " bytes before it, the file has " + (size - FOOTER));
        }
        return before;
    }

    private static void verifyChecksum(Path path, FileChannel channel, long size, String what) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        long end = size - 8, at = 0;
        while (at < end) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - at));
            int n = channel.read(chunk, at);
            if (n < 0) throw new IOException(path + ": " + what + " file shrank while being read");
            at += n;
            crc.update(chunk.flip());
        }
        long stored = readAt(path, channel, end, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IOException(path + ": " + what + " file is corrupted: checksum mismatch (stored "
                    + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
        }
    }

    private static ByteBuffer readAt(Path path, FileChannel channel, long position, int bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        readFully(channel, buf, position);
        if (buf.hasRemaining()) throw new IOException(path + ": unexpected end of file at byte " + (position + buf.position()));
        return buf.flip();
    }

    /** Reads until {@code buf} is full or the file ends. */
    static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position);
            if (n < 0) return;
            position += n;
        }
    }
}
