package io.github.lightgcn.internal.persist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A folder of files written all or nothing, such as an export: the files are written into a staging folder and
 * synced, then put in place, so a crash, a kill or a full disk never leaves a truncated file or one file of the set
 * missing.
 * <ul>
 *   <li>a new folder is staged beside it ({@code .<name>.lightgcn-<random>.tmp}) and renamed into place at once;</li>
 *   <li>an existing folder keeps its other files: the set is staged inside it ({@code .lightgcn-<random>.tmp}) and
 *       each file is renamed over its old version, in the order written (each file is whole at every moment);</li>
 *   <li>a staging folder left by a killed export is deleted by the next export to the same folder: a writer holds a
 *       lock on a file beside its staging folder ({@code .lock}), so a staging folder whose lock nobody holds is
 *       stale;</li>
 *   <li>errors name the target folder and the file, never the staging folder.</li>
 * </ul>
 * The folder-sized twin of {@link SaveTarget}, which saves one file.
 */
public final class StagedFolder implements Closeable {

    /** Writes one file of the set. */
    @FunctionalInterface
    public interface FileWriter {
        /** Writes the file (which does not exist yet). */
        void writeTo(Path file) throws IOException;
    }

    private static final String TMP = ".tmp", LOCK = ".lock";
    /** Staging folders being written by this JVM: never opened by the cleanup (closing a file drops its locks). */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path stage;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final boolean existed;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private StagedFolder(Path target, Path stage, Path lockFile, FileChannel lockChannel, boolean existed) {
        this.target = target;
        this.stage = stage;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.existed = existed;
    }

    /**
     * Starts writing {@code target} (created if needed, with its parents).
     *
     * @throws IOException naming {@code target} when it is a file, or the staging folder cannot be made
     */
    public static StagedFolder create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) throw failure(target, "it is a file, not a folder");
        boolean existed = Files.isDirectory(abs);
        Path home = existed ? abs : abs.getParent();
        if (home == null) throw failure(target, "it has no parent folder to stage it in");
        String prefix = existed ? ".lightgcn-" : "." + abs.getFileName() + ".lightgcn-";
        try {
            Files.createDirectories(home);
            cleanStale(home, prefix);
            String base = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path lockFile = home.resolve(base + LOCK), stage = home.resolve(base + TMP);
            FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            IN_PROGRESS.add(stage);
            try {
                lock.tryLock();
                Files.createDirectory(stage); // only after the lock: a staging folder without one is stale
            } catch (IOException | RuntimeException e) {
                lock.close();
                Files.deleteIfExists(lockFile);
                IN_PROGRESS.remove(stage);
                throw e;
            }
            return new StagedFolder(target, stage, lockFile, lock, existed);
        } catch (IOException e) {
            throw failure(target, SaveTarget.reason(e));
        }
    }

    /**
     * Writes the file {@code name} of the set into the staging folder.
     *
     * @throws IOException naming the target folder and the file (e.g. when the disk is full)
     */
    public void write(String name, FileWriter writer) throws IOException {
        try {
            writer.writeTo(stage.resolve(name));
        } catch (IOException e) {
            throw failure(target, name + ": " + SaveTarget.reason(e));
        }
        names.add(name);
    }

    /** Syncs the files and puts them in place; returns the folder written. */
    public Path commit() throws IOException {
        try {
            for (String name : names) {
                try (FileChannel c = FileChannel.open(stage.resolve(name), StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
            if (existed) {
                for (String name : names) {
                    Files.move(stage.resolve(name), stage.getParent().resolve(name),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                Files.move(stage, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw failure(target, SaveTarget.reason(e));
        }
        committed = true;
        close();
        return target;
    }

    /** Without a commit: deletes the staging folder. Releases the lock either way. */
    @Override
    public void close() {
        if (!committed) deleteTree(stage);
        else if (existed) deleteTree(stage); // empty by now
        try {
            lockChannel.close();
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // a leftover lock file is deleted by the next export
        }
        IN_PROGRESS.remove(stage);
    }

    /** Deletes the staging folders of killed exports into {@code home}: those whose lock file nobody holds. */
    private static void cleanStale(Path home, String prefix) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(home, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TMP);
        })) {
            for (Path stale : entries) {
                if (IN_PROGRESS.contains(stale) || !Files.isDirectory(stale, LinkOption.NOFOLLOW_LINKS)) continue;
                String name = stale.getFileName().toString();
                Path lockFile = home.resolve(name.substring(0, name.length() - TMP.length()) + LOCK);
                if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                    try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS); FileLock lock = c.tryLock()) {
                        if (lock == null) continue; // another process is writing it
                        deleteTree(stale);
                        Files.deleteIfExists(lockFile);
                    } catch (IOException | OverlappingFileLockException e) {
                        // in use, or not ours to judge: leave it
                    }
                } else {
                    deleteTree(stale);
                }
            }
        } catch (IOException e) {
            // no listing: nothing to clean
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the next export tries again
        }
    }

    private static IOException failure(Path target, String problem) {
        return new IOException("cannot write the folder " + target + ": " + problem);
    }
}
