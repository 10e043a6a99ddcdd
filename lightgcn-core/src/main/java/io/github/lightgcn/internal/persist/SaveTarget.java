package io.github.lightgcn.internal.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an atomic save writes, and the rules that keep it from destroying what is not its own:
 * <ul>
 *   <li>a target that exists and is not a regular file (a folder, device, pipe or socket) is refused, naming it;</li>
 *   <li>a symbolic link is written through: the file replaced is the one the link ends at, and the link stays
 *       ({@link #file()} says which file that is);</li>
 *   <li>the data goes to a temporary file beside that file ({@code .<name>.lightgcn-<random>.tmp}), created with the
 *       default permissions (the umask decides, as for any other output) or, when the target exists, with the
 *       target's permissions; it is renamed over the target only when complete, and deleted on any failure;</li>
 *   <li>temporary files left by a save that was killed are deleted by the next save of the same target: a save
 *       holds a lock on its temporary file until it is renamed, so a file nobody holds a lock on is stale;</li>
 *   <li>errors name the target, never the temporary file, and say what failed (e.g. the disk is full).</li>
 * </ul>
 */
public final class SaveTarget {

    private static final String TMP_SUFFIX = ".tmp";
    private static final int MAX_LINKS = 40;
    /** Temporary files being written by this JVM: never opened by the stale-file cleanup (see {@link #cleanStale}). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private final Path requested;
    private final Path file;
    private final String what;

    private SaveTarget(Path requested, Path file, String what) {
        this.requested = requested;
        this.file = file;
        this.what = what;
    }

    /**
     * Resolves {@code requested} through its symbolic links and checks that it is a regular file or absent.
     *
     * @param what what is saved, for messages, e.g. "lightgcn model"
     * @throws IOException naming {@code requested} when it is a folder, device, pipe or socket, or ends a loop of links
     */
    public static SaveTarget of(Path requested, String what) throws IOException {
        Path p = requested.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("cannot save " + what + " " + requested + ": too many symbolic links");
            }
            Path parent = p.getParent();
            Path link = Files.readSymbolicLink(p);
            p = parent == null ? link : parent.resolve(link);
        }
        SaveTarget target = new SaveTarget(requested, p, what);
        BasicFileAttributes a = attributes(p);
        if (a != null && !a.isRegularFile()) {
            throw target.failure("it is " + kind(p, a) + ", not a regular file; refusing to replace it");
        }
        return target;
    }

    /** The path the caller gave. */
    public Path requested() { return requested; }

    /** The file that a save replaces: {@link #requested()}, or the file its symbolic links end at. */
    public Path file() { return file; }

    /** Whether {@link #requested()} is a symbolic link written through. */
    public boolean throughLink() { return !file.equals(requested.toAbsolutePath()); }

    /** For messages: the target, and where its link leads. */
    String shown() { return describe(requested, throughLink() ? file : null); }

    private static String describe(Path requested, Path through) {
        return through == null ? requested.toString() : requested + " (a symbolic link to " + through + ")";
    }

    /** An error about this target: {@code "cannot save <what> <target>: <problem>"}. */
    IOException failure(String problem) {
        return new IOException("cannot save " + what + " " + shown() + ": " + problem);
    }

    /** The same, for an I/O error whose own message may name the temporary file instead. */
    IOException failure(IOException e) {
        IOException wrapped = failure(reason(e));
        wrapped.initCause(e);
        return wrapped;
    }

    /**
     * Creates the folder if needed, deletes stale temporary files of this target, and opens a new, locked temporary
     * file beside it. The caller writes through the returned channel and then calls {@link #commit} or
     * {@link #discard}.
     */
    Temp createTemp() throws IOException {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure("its folder " + dir + " cannot be created (" + reason(e) + ")");
        }
        cleanStale(dir, prefix());
        Set<java.nio.file.attribute.PosixFilePermission> permissions = null;
        try {
            if (Files.exists(file) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                permissions = Files.getPosixFilePermissions(file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            permissions = null; // the new file then gets the default permissions
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix() + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) continue;
                throw failure(e);
            } catch (IOException e) {
                throw failure(e);
            }
            IN_PROGRESS.add(tmp);
            Temp t = new Temp(tmp, channel);
            try {
                t.lock = channel.tryLock();
                if (permissions != null) Files.setPosixFilePermissions(tmp, permissions);
                return t;
            } catch (IOException e) {
                discard(t);
                throw failure(e);
            } catch (RuntimeException e) {
                discard(t);
                throw e;
            }
        }
    }

    /** A temporary file being written: its path and its open channel. */
    static final class Temp {
        final Path path;
        final FileChannel channel;
        FileLock lock;

        Temp(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }
    }

    /**
     * Syncs the temporary file and renames it over the target (still locked, so that no cleanup takes it for stale),
     * then syncs the folder where the platform allows.
     *
     * @return the file written ({@link #file()})
     */
    Path commit(Temp t) throws IOException {
        try {
            t.channel.force(true);
            try {
                Files.move(t.path, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(t.path, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard(t);
            throw failure(e);
        }
        IN_PROGRESS.remove(t.path);
        try {
            t.channel.close();
        } catch (IOException e) {
            // the data is synced and in place; closing the renamed file cannot lose it
        }
        syncFolder(file.getParent());
        return file;
    }

    /** Closes and deletes a temporary file that will not be committed (quietly: the save has already failed). */
    void discard(Temp t) {
        try {
            t.channel.close(); // releases the lock
        } catch (IOException e) {
            // deleting it is what matters
        }
        try {
            Files.deleteIfExists(t.path);
        } catch (IOException e) {
            // a leftover is deleted by the next save of this target
        }
        IN_PROGRESS.remove(t.path);
    }

    private String prefix() { return "." + file.getFileName() + ".lightgcn-"; }

    /**
     * Deletes the temporary files of earlier saves of this target that nobody is writing any more: a writer holds a
     * lock on its file, so a file that can be locked was left by a save that was killed. Best effort: a file that
     * cannot be examined is left alone.
     */
    private static void cleanStale(Path dir, String prefix) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX);
        })) {
            for (Path stale : files) {
                // opening and closing a file this JVM has locked would drop that lock (POSIX), so never touch them
                if (IN_PROGRESS.contains(stale) || !Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) continue;
                try (FileChannel c = FileChannel.open(stale, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                     FileLock lock = c.tryLock()) {
                    if (lock != null) Files.deleteIfExists(stale);
                } catch (IOException | OverlappingFileLockException e) {
                    // in use, or not ours to judge: leave it
                }
            }
        } catch (IOException e) {
            // no listing: nothing to clean
        }
    }

    /** Makes a rename durable where the platform allows opening a folder (not on Windows). */
    static void syncFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is synced; only the durability of the rename across a power loss is not assured
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** "a folder", "a character device", ... for a path that is not a regular file. */
    static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a named pipe";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view: say it generally
        }
        return "a device, pipe or socket";
    }

    /**
     * What went wrong, without the paths the exception may carry (which may be the temporary file's): the operating
     * system's reason, e.g. "No space left on device".
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) return f.getReason();
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof NoSuchFileException) return "no such file or folder";
            if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
            if (e instanceof NotDirectoryException) return "a file is in the way of a folder";
            if (e instanceof DirectoryNotEmptyException) return "a folder that is not empty is in the way";
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
