package io.github.lightgcn.examples.cli;

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
 * Signals through the {@code ./lightgcn} launcher, as a user sends them: a terminal's Ctrl-C (SIGINT to the whole
 * process group, the launcher and anything it started) and {@code kill -TERM} on the launcher's pid. Either way the
 * JVM must save its checkpoint and the "--resume" line must reach the user, and no JVM may be left training.
 * (Before: the launcher piped stderr through grep, which Ctrl-C killed, losing that line; and TERM killed the shell
 * script and left the JVM running as an orphan.)
 */
@EnabledOnOs(OS.LINUX)
class LauncherSignalsTest {

    @TempDir
    Path dir;

    private static final Path LAUNCHER = Path.of("..", "lightgcn").toAbsolutePath().normalize();
    /** Far above the few seconds a run to epoch 3 and its checkpoint take; then the launcher and its JVM are killed. */
    private static final long WATCHDOG_SECONDS = 120;

    private ProcessBuilder launcher(SmallData data, Path checkpoint, boolean ownProcessGroup) {
        List<String> c = new ArrayList<>();
        // SIGINT and SIGTERM at their defaults, as a terminal starts a job, whatever this build inherited: a build
        // started in the background by a shell without job control inherits SIGINT ignored, and the JVM keeps an
        // ignored SIGINT ignored, so Ctrl-C could not be tested (perl is in every Debian: perl-base is essential)
        c.addAll(List.of("perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\""));
        if (ownProcessGroup) c.add("setsid"); // a terminal's foreground group: Ctrl-C reaches every process in it
        c.addAll(List.of("bash", LAUNCHER.toString(), "train", "--train", data.train().toString(), "--test",
                data.test().toString(), "--format", "pairs", "--num-users", "60", "--num-items", "120", "--batch", "16",
                "--threads", "1", "--epochs", "1000000", "--eval-every", "1000000", "--checkpoint-every", "1000000",
                "--checkpoint", checkpoint.toString()));
        ProcessBuilder pb = new ProcessBuilder(c);
        pb.environment().put("LIGHTGCN_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** Runs the launcher until it prints epoch 3, sends the signal, and returns exit code and stderr. */
    private String[] runAndSignal(ProcessBuilder pb, String signal, boolean toGroup) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectError(err.toFile()).start();
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> { // never hang the build on a signal not honoured
            try {
                if (!p.waitFor(WATCHDOG_SECONDS, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("epoch") && line.contains("   3/")) {
                    String target = toGroup ? "-" + p.pid() : Long.toString(p.pid());
                    assertEquals(0, new ProcessBuilder("kill", "-" + signal, "--", target).start().waitFor());
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
        watchdog.interrupt();
        Thread.sleep(200); // the stderr filter may write its last line just after the JVM exits
        return new String[]{Integer.toString(p.exitValue()), Files.readString(err, StandardCharsets.UTF_8)};
    }

    private static boolean anyJvmStillTraining(Path checkpoint) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("pgrep", "-f", "--checkpoint " + checkpoint).start();
        String pids = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ps.waitFor();
        return !pids.isEmpty();
    }

    @Test
    void ctrlCOnTheTerminalStillPrintsTheResumeCommand() throws Exception {
        SmallData data = SmallData.write(dir);
        Path checkpoint = dir.resolve("int.ckpt");
        String[] r = runAndSignal(launcher(data, checkpoint, true), "INT", true);
        assertEquals("130", r[0], r[1]);
        assertTrue(r[1].contains("--resume " + checkpoint), "stderr was:\n" + r[1]);
        assertFalse(r[1].contains("Using incubator modules"), r[1]);
        assertTrue(Files.size(checkpoint) > 0);
        assertFalse(anyJvmStillTraining(checkpoint));
    }

    @Test
    void killTermOnTheLauncherReachesTheJvm() throws Exception {
        SmallData data = SmallData.write(dir);
        Path checkpoint = dir.resolve("term.ckpt");
        String[] r = runAndSignal(launcher(data, checkpoint, false), "TERM", false);
        assertEquals("143", r[0], r[1]); // 128 + SIGTERM, after the checkpoint is saved
        assertTrue(r[1].contains("--resume " + checkpoint), "stderr was:\n" + r[1]);
        assertTrue(Files.size(checkpoint) > 0);
        assertFalse(anyJvmStillTraining(checkpoint), "a JVM was left training");
    }
}
