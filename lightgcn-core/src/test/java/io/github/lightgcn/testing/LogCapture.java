package io.github.lightgcn.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records the messages of one java.util.logging logger, down to FINE (debug), during each test:
 * {@code @RegisterExtension final LogCapture log = new LogCapture("io.github.lightgcn.eval");}. Tests read which
 * code path ran from it; the logger's level is restored afterwards.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger; // held: JUL keeps loggers only weakly
    private final List<String> messages = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (messages) {
                messages.add(r.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level saved;

    public LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        saved = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setLevel(saved);
    }

    /** The messages so far, oldest first (a copy). */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Forgets the messages so far. */
    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }
}
