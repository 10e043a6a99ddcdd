package io.github.lightgcn.examples.cli;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.CheckpointPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ctrl-C during {@code lightgcn train}: a real JVM gets SIGINT while training; it must finish the batch, save a
 * checkpoint, say how to resume and exit 130; resuming must give the same model as an uninterrupted run.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CtrlCTest {

    @TempDir
    Path dir;

    private List<String> command(SmallData data, String... extra) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> c = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), LightGcnCli.class.getName(),
                "train", "--train", data.train().toString(), "--test", data.test().toString(), "--format", "pairs",
                "--num-users", "60", "--num-items", "120", "--batch", "16", "--threads", "1", "--eval-every", "1000"));
        c.addAll(List.of(extra));
        return c;
    }

    @Test
    void ctrlCSavesACheckpointAndTheResumedRunEqualsAnUninterruptedOne() throws Exception {
        SmallData data = SmallData.write(dir);
        Path checkpoint = dir.resolve("run.ckpt");
        Process p = new ProcessBuilder(command(data, "--epochs", "1000000", "--checkpoint-every", "1000000",
                "--checkpoint", checkpoint.toString())).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("epoch") && line.contains("   5/")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output::toString);
        assertEquals(130, p.exitValue(), output::toString);
        assertTrue(output.toString().contains("interrupted: finishing the current batch"), output::toString);
        assertTrue(output.toString().contains("checkpoint saved to " + checkpoint)
                && output.toString().contains("--resume " + checkpoint), output::toString);
        CheckpointPosition saved = CheckpointPosition.read(checkpoint);
        int total = saved.completedEpochs() + 3;

        Path resumedModel = dir.resolve("resumed.lgcn"), straightModel = dir.resolve("straight.lgcn");
        Process resumed = new ProcessBuilder(command(data, "--epochs", Integer.toString(total), "--resume",
                checkpoint.toString(), "--model-out", resumedModel.toString())).redirectErrorStream(true).start();
        String resumedOut = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, resumed.waitFor(), resumedOut);
        Process straight = new ProcessBuilder(command(data, "--epochs", Integer.toString(total), "--model-out",
                straightModel.toString())).redirectErrorStream(true).start();
        String straightOut = new String(straight.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, straight.waitFor(), straightOut);

        LightGCNModel a = LightGCNModel.load(resumedModel), b = LightGCNModel.load(straightModel);
        assertArrayEquals(b.userEmbeddings(), a.userEmbeddings(), 0f);
        assertArrayEquals(b.itemEmbeddings(), a.itemEmbeddings(), 0f);
        assertTrue(Files.size(resumedModel) > 0);
    }
}
