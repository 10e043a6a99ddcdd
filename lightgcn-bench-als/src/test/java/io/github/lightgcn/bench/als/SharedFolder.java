package io.github.lightgcn.bench.als;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data folder, as core's test {@code SharedData} finds it (that class is Java 25 bytecode; these tests run
 * on Spark's Java 17): skipped when absent, a failure when {@code lightgcn.require.shared=true} (CI).
 */
final class SharedFolder {

    private SharedFolder() {}

    /** The shared folder, when {@code relative} exists under it. */
    static Path requiring(String relative) {
        String dir = System.getProperty("lightgcn.shared.dir");
        if (dir == null || dir.isBlank() || dir.contains("${")) dir = "../shared";
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve(relative))) {
            String message = "shared data not found: " + root.resolve(relative);
            if ("true".equalsIgnoreCase(System.getProperty("lightgcn.require.shared"))) Assertions.fail(message);
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return root;
    }
}
