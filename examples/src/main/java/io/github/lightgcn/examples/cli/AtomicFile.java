package io.github.lightgcn.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The command line's own outputs (the metrics JSON, the curves PNG) saved the way the library saves a model: the
 * bytes go to a locked temporary file beside the target ({@code .<name>.lightgcn-<random>.tmp}), which is synced and
 * renamed over the target only when complete, so a failed or killed write leaves the previous file (or none), never
 * half of one. The same rules as the model's save: a symbolic link is written through, a target that is a folder,
 * device, pipe or socket is refused (also when it became one after the command's checks), a replaced file keeps its
 * permissions, temporary files of killed writes (which nobody holds a lock on) are deleted by the next write of the
 * same target, and every error names the target, never the temporary file, and says what failed.
 */
public final class AtomicFile {

    private static final int MAX_LINKS = 40;
    private static final String TMP_SUFFIX = ".tmp";
    /** Temporary files this JVM is writing: the cleanup never opens them (closing a channel drops a POSIX lock). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    /** Writes the content to a stream; may fail part way. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Replaces {@code target} with {@code bytes}, all or nothing.
     *
     * @param what what is written, for messages, e.g. "the metrics"
     * @return the file written: {@code target}, or the file its symbolic links end at
     * @throws IOException {@code cannot write <what> <target>: <what failed, in words>}
     */
    public static Path write(Path target, String what, byte[] bytes) throws IOException {
        return write(target, what, out -> out.write(bytes));
    }

    static Path write(Path target, String what, Content content) throws IOException {
        Path file = throughLinks(target, what);
        BasicFileAttributes a = attributes(file);
        if (a != null && !a.isRegularFile()) {
            throw failure(what, target, "it is " + (a.isDirectory() ? "a folder" : "a device, pipe or socket")
                    + ", not a regular file; refusing to replace it");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(what, target, "its folder " + dir + " cannot be created: " + IoWords.reason(e));
        }
        cleanStale(dir, prefix(file));
        Path tmp = null;
        FileChannel channel = null;
        boolean renamed = false;
        try {
            for (int attempt = 0; channel == null; attempt++) {
                Path candidate = dir.resolve(prefix(file) + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + TMP_SUFFIX);
                try {
                    channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 10) throw e;
                }
            }
            IN_PROGRESS.add(tmp);
            channel.tryLock(); // held until the rename: another JVM's cleanup never takes this file for stale
            if (a != null) keepPermissions(file, tmp);
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
            replace(tmp, file, what, target);
            renamed = true;
            discard(channel, null); // closes it (and drops the lock); the data is synced and in place
            return file;
        } catch (IOException | RuntimeException e) {
            if (!renamed) discard(channel, tmp);
            if (e instanceof CannotWrite) throw (CannotWrite) e;
            if (e instanceof IOException io) throw failure(what, target, IoWords.reason(io), io);
            throw e;
        } finally {
            if (tmp != null) IN_PROGRESS.remove(tmp);
        }
    }

    /** Renames the complete temporary file over the file, refusing a folder that appeared there meanwhile. */
    private static void replace(Path tmp, Path file, String what, Path target) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            BasicFileAttributes now = attributes(file);
            if (now != null && !now.isRegularFile()) throw failure(what, target, "it is no longer a regular file");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void discard(FileChannel channel, Path tmp) {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            // deleting it is what matters
        }
        try {
            if (tmp != null) Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // a leftover is deleted by the next write of this target
        }
    }

    /** The file a write replaces: {@code target}, or where its chain of symbolic links ends. */
    static Path throughLinks(Path target, String what) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) throw failure(what, target, "a loop of symbolic links");
            Path parent = p.getParent();
            Path link = Files.readSymbolicLink(p);
            p = parent == null ? link : parent.resolve(link);
        }
        return p;
    }

    private static void keepPermissions(Path file, Path tmp) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                Files.setPosixFilePermissions(tmp, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the default permissions (the umask's)
        }
    }

    private static String prefix(Path file) { return "." + file.getFileName() + ".lightgcn-"; }

    /** Deletes the temporary files of killed writes of this target: those nobody holds a lock on. */
    private static void cleanStale(Path dir, String prefix) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX);
        })) {
            for (Path stale : files) {
                if (IN_PROGRESS.contains(stale) || !Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) continue;
                try (FileChannel c = FileChannel.open(stale, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                     FileLock lock = c.tryLock()) {
                    if (lock != null) Files.deleteIfExists(stale);
                } catch (IOException | OverlappingFileLockException e) {
                    // being written (by this JVM or another): leave it
                }
            }
        } catch (IOException e) {
            // no listing: nothing to clean
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static CannotWrite failure(String what, Path target, String problem) {
        return new CannotWrite("cannot write " + what + " " + target + ": " + problem, null);
    }

    private static CannotWrite failure(String what, Path target, String problem, IOException cause) {
        return new CannotWrite("cannot write " + what + " " + target + ": " + problem, cause);
    }

    /** A failed write, its message complete (the target and what failed). */
    static final class CannotWrite extends IOException {
        CannotWrite(String message, Throwable cause) { super(message, cause); }
    }
}
