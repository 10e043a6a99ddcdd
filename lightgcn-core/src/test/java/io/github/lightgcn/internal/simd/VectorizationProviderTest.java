package io.github.lightgcn.internal.simd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The runtime choice between the Vector API and the scalar kernels. */
class VectorizationProviderTest {

    /** Records what the provider logs. */
    static final class Recorder implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override
        public String getName() { return "test"; }

        @Override
        public boolean isLoggable(Level level) { return true; }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) { lines.add(level + " " + msg); }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) { lines.add(level + " " + format); }
    }

    @Test
    void withoutTheModuleItFallsBackToScalarAndSaysHowToEnableSimd() {
        Recorder log = new Recorder();
        assertSame(Kernels.SCALAR, VectorizationProvider.choose(null, false, log));
        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).contains("--add-modules jdk.incubator.vector"), log.lines.get(0));
    }

    @Test
    void withTheModuleItLoadsTheVectorKernelsQuietly() {
        Recorder log = new Recorder();
        Kernels k = VectorizationProvider.choose(null, true, log);
        assertTrue(k.name().startsWith("panama("), k.name());
        for (Object concern : new Object[]{k.sparse(), k.rows(), k.adam(), k.scoring()}) {
            assertTrue(concern.getClass().getName().startsWith("io.github.lightgcn.internal.simd.Panama"),
                    concern.getClass().getName());
        }
        assertTrue(log.lines.isEmpty(), log.lines.toString());
    }

    @Test
    void aPropertyForcesScalar() {
        Recorder log = new Recorder();
        assertSame(Kernels.SCALAR, VectorizationProvider.choose("false", true, log));
        assertEquals(1, log.lines.size());
    }

    /**
     * A real JVM started without {@code --add-modules jdk.incubator.vector}: the library loads, trains on the
     * scalar path, logs one line, and never loads the Vector API kernels nor any class of the incubator module.
     */
    @Test
    void aJvmWithoutTheModuleTrainsOnTheScalarPathAndNeverLoadsVectorClasses() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                ScalarJvmMain.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("kernels=scalar"), out.lines().filter(l -> !l.contains("class,load")).toList().toString());
        assertTrue(out.contains("trained recall@10="), "the child trained a model");
        assertFalse(out.contains("io.github.lightgcn.internal.simd.Panama"), "a Vector API kernel class was loaded");
        assertFalse(out.contains("jdk.incubator.vector."), "a class of jdk.incubator.vector was loaded");
        long hints = out.lines().filter(l -> l.contains("--add-modules jdk.incubator.vector")).count();
        assertEquals(1, hints, "exactly one log line with the hint");
    }
}
