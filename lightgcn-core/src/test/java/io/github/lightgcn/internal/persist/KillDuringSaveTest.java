package io.github.lightgcn.internal.persist;

import io.github.lightgcn.LightGCNModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A process killed with SIGKILL while it saves a model over an existing one never leaves a damaged model: the
 * file always loads, as the old or the new model, whole.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class KillDuringSaveTest {

    @Test
    void aKillDuringSaveLeavesTheOldOrTheNewModelWhole(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        int sawNew = 0, sawOld = 0;
        for (int trial = 0; trial < 8; trial++) {
            Path file = dir.resolve("model-" + trial + ".lgcn");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                assertEquals("A saved", out.readLine());
                Thread.sleep(random.nextInt(400)); // somewhere in the middle of one of the next saves
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            LightGCNModel loaded = LightGCNModel.load(file); // must not throw
            String version = loaded.provenance().config().get("version");
            float expected = Float.parseFloat(version);
            for (float v : loaded.userEmbeddings()) assertEquals(expected, v, "a mix of old and new content");
            if (version.equals("1.0")) sawOld++;
            else sawNew++;
        }
        assertEquals(8, sawOld + sawNew);
    }
}
