package io.github.lightgcn.examples;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The published jars run wherever Java runs from 17 on: the README's library example is compiled with JDK 17's javac
 * against the built lightgcn-core jar and run on JDK 17 (scalar kernels) and on JDK 25 with the Vector API (the
 * jar's multi-release kernels); both print the same recommendations, digit for digit.
 *
 * <p>Needs the packaged jar ({@code ./mvnw verify} builds it before this module's tests) and a JDK 17 (under
 * /usr/lib/jvm, or {@code -Dlightgcn.jdk17=DIR}); without them it is skipped with a message, and on CI
 * ({@code lightgcn.require.shared=true}) it fails instead.
 */
class Java17CompatibilityTest {

    @TempDir
    Path dir;

    private static void require(boolean condition, String message) {
        if (condition) return;
        if ("true".equalsIgnoreCase(System.getProperty("lightgcn.require.shared"))) Assertions.fail(message);
        Assumptions.abort(message);
    }

    private static Path jdk17() throws IOException {
        String configured = System.getProperty("lightgcn.jdk17");
        if (configured != null) return Path.of(configured);
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> p.getFileName().toString().matches(".*-17(-.*|\\.\\d.*)?|.*jdk-17.*|java-17.*"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/javac"))).sorted().findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static Path coreJar() throws IOException {
        Path target = Path.of("..", "lightgcn-core", "target");
        if (!Files.isDirectory(target)) return null;
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("lightgcn-core-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    private String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), command + "\nstdout:\n" + out + "\nstderr:\n" + err);
        assertFalse(err.contains("could not load the Vector API kernels"), err);
        return out;
    }

    @Test
    void theReadmeExampleRunsOnJava17AsOnJava25() throws Exception {
        Path jdk17 = jdk17();
        require(jdk17 != null, "no JDK 17 under /usr/lib/jvm (apt-get install openjdk-17-jdk-headless), "
                + "or give -Dlightgcn.jdk17=DIR");
        Path jar = coreJar();
        require(jar != null, "the lightgcn-core jar is not built: run ./mvnw verify");

        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("<!-- library-example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md must contain the library example block");
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(m.group(1));
        assertTrue(cls.find());
        Path source = Files.writeString(dir.resolve(cls.group(1) + ".java"), m.group(1));

        String cp = jar.toAbsolutePath() + java.io.File.pathSeparator + dir;
        run(List.of(jdk17.resolve("bin/javac").toString(), "--release", "17", "-cp", jar.toAbsolutePath().toString(),
                "-d", dir.toString(), source.toString()));
        String on17 = run(List.of(jdk17.resolve("bin/java").toString(), "-Djava.io.tmpdir=" + dir, "-cp", cp,
                cls.group(1)));
        List<String> java25 = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + dir, "-cp", cp, cls.group(1)));
        String on25 = run(java25);
        assertFalse(on17.isBlank());
        assertEquals(on25, on17, "JDK 17 (scalar) and JDK 25 (SIMD) print different results");
        assertTrue(Runtime.version().feature() >= 25, "the suite runs on JDK 25: " + Runtime.version());
    }
}
