package io.github.lightgcn.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real data sets in {@code ../shared/data} (system property {@code lightgcn.shared.dir}, set by the
 * build). A fresh clone has no {@code ../shared}: tests that need it are skipped with a message, except when
 * {@code lightgcn.require.shared=true} (CI), where a missing file fails the test.
 */
public final class SharedData {

    private SharedData() {}

    /** The shared folder, e.g. {@code /work/shared}. */
    public static Path root() {
        String dir = System.getProperty("lightgcn.shared.dir");
        if (dir == null || dir.isBlank() || dir.contains("${")) dir = "../shared";
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** A file under {@code shared/}, e.g. {@code data/gowalla/train.txt}; skips (or fails on CI) when absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String message = "shared data not found: " + p + " (a fresh clone has no ../shared)";
            if ("true".equalsIgnoreCase(System.getProperty("lightgcn.require.shared"))) {
                Assertions.fail(message + "; lightgcn.require.shared=true, so this is an error");
            }
            System.err.println("SKIPPED: " + message); // surefire does not print the reason of an abort
            Assumptions.abort(message + "; skipping");
        }
        return p;
    }
}
