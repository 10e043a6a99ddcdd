package io.github.lightgcn.server;

import io.github.lightgcn.io.mal.model.AnimeModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The model being served, swapped atomically by a reload: a request takes {@link #current()} once and answers from
 * it, so requests in flight finish on the old model. A new file that does not load (truncated, corrupt, not an
 * anime model) is refused with a log line and the old model keeps serving. Reloads happen on request
 * ({@link #reload}) and, when watched, when the file's size, time stamp or inode changes.
 */
final class LiveModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveModel.class.getName());

    /** What a reload did. */
    record Reload(boolean loaded, String message, ServedModel serving) {}

    private final Path file;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    private final ScheduledExecutorService watcher;
    private FileState lastSeen; // guarded by this

    private LiveModel(Path file, Clock clock, ServerMetrics metrics, Duration watchInterval) throws IOException {
        this.file = file;
        this.clock = clock;
        this.metrics = metrics;
        this.lastSeen = FileState.of(file);
        current.set(load());
        if (watchInterval.isZero()) {
            watcher = null;
        } else {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lightgcn-model-watcher");
                t.setDaemon(true);
                return t;
            });
            long ms = watchInterval.toMillis();
            watcher.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Loads {@code file} and, unless the interval is zero, watches it.
     *
     * @throws IOException when the first load fails (the message names the file)
     */
    static LiveModel open(Path file, Clock clock, ServerMetrics metrics, Duration watchInterval) throws IOException {
        return new LiveModel(file, clock, metrics, watchInterval);
    }

    /** The model to answer one request with. */
    ServedModel current() { return current.get(); }

    /** Loads the file again; on failure the current model stays, and the reason is logged and returned. */
    synchronized Reload reload(String why) {
        lastSeen = FileState.of(file);
        ServedModel old = current.get();
        try {
            ServedModel fresh = load();
            current.set(fresh);
            metrics.reloaded(true);
            String message = "model reloaded (" + why + ") from " + file + ": " + fresh.anime().users().size()
                    + " users, " + fresh.anime().anime().size() + " anime";
            LOG.info(message);
            return new Reload(true, message, fresh);
        } catch (IOException | RuntimeException e) {
            metrics.reloaded(false);
            String message = "model reload (" + why + ") refused: " + e.getMessage() + "; still serving the model "
                    + "loaded at " + old.loadedAt();
            LOG.warning(message);
            return new Reload(false, message, old);
        }
    }

    private ServedModel load() throws IOException {
        return new ServedModel(AnimeModel.load(file), file, clock.instant());
    }

    private void poll() {
        try {
            FileState now = FileState.of(file);
            boolean changed;
            synchronized (this) {
                changed = !now.equals(lastSeen);
            }
            if (changed) reload("the model file changed");
        } catch (RuntimeException e) { // a failed poll must not end the watch
            LOG.log(Level.WARNING, "watching " + file + " failed", e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) watcher.shutdownNow();
    }

    /** What tells that a file changed without reading it. */
    private record FileState(long size, long modifiedNanos, Object inode) {
        static FileState of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
            } catch (NoSuchFileException e) {
                return new FileState(-1, -1, null);
            } catch (IOException e) {
                return new FileState(-2, -2, Objects.toString(e.getMessage()));
            }
        }
    }
}
