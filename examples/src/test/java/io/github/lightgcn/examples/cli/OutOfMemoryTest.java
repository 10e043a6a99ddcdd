package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The command line's last safety net: an OutOfMemoryError that no size check foresaw is one line with the heap and
 * the -Xmx to try, exit 1 (before: a stack trace). Here 3 million pairs read with a 48 MB heap.
 */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void anOutOfMemoryErrorIsOneLineWithTheXmxToTry() throws Exception {
        Path train = dir.resolve("train.tsv");
        try (BufferedWriter out = Files.newBufferedWriter(train)) {
            for (int i = 0; i < 3_000_000; i++) out.write((i % 50_000) + "\t" + (i * 7 % 40_000) + "\n");
        }
        Path test = Files.writeString(dir.resolve("test.tsv"), "0\t1\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), LightGcnCli.class.getName(), "train",
                "--train", train.toString(), "--test", test.toString(), "--format", "pairs", "--epochs", "1")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertEquals(List.of("error: out of memory (Java heap space, max heap 48 MiB): give the JVM more, e.g. "
                + "JAVA_OPTS=-Xmx96m ./lightgcn ..., or java -Xmx96m when running the jar"), output.lines().toList());
    }
}
