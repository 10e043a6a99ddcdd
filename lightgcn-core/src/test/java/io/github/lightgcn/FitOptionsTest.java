package io.github.lightgcn;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class FitOptionsTest {

    @Test
    void defaultsUseEveryCoreAndKeepNothing() {
        FitOptions o = FitOptions.defaults();
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
        assertEquals(256, o.evalBlockSize());
        assertEquals(0, o.maxTrainingSeconds());
        assertEquals(0, o.checkpointEvery());
        assertEquals(Optional.empty(), o.checkpointFile());
        assertEquals(Optional.empty(), o.resumeFile());
        assertEquals(0, o.listeners().size());
    }

    @Test
    void invalidValuesNameTheValueAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().threads(0));
        assertEquals("threads must be in [1, 1024], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().evalBlockSize(65_537));
        assertEquals("evalBlockSize must be in [1, 65536], got 65537", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().maxTrainingSeconds(-60));
        assertEquals("maxTrainingSeconds must be in [0.0, 1.0E9], got -60.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().maxTrainingSeconds(Double.NaN));
        assertTrue(e.getMessage().startsWith("maxTrainingSeconds must be in"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().checkpointEvery(0, Path.of("c")));
        assertEquals("checkpoint interval must be in [1, 1000000] epochs, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().checkpointEvery(1, null));
        assertEquals("checkpoint file must not be null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().listener(null));
    }

    @Test
    void optionsAreImmutableAndCopyIntoABuilder() {
        TrainingListener a = new TrainingListener() {}, b = new TrainingListener() {};
        FitOptions.Builder builder = FitOptions.builder().threads(3).evalBlockSize(64).maxTrainingSeconds(90)
                .checkpointEvery(5, Path.of("run.ckpt")).resumeFrom(Path.of("old.ckpt")).listener(a);
        FitOptions o = builder.build();
        builder.listener(b).threads(1);
        assertEquals(1, o.listeners().size(), "a built object does not see later builder calls");
        assertEquals(3, o.threads());
        assertThrows(UnsupportedOperationException.class, () -> o.listeners().add(b));

        FitOptions copy = o.toBuilder().listener(b).build();
        assertEquals(java.util.List.of(a, b), copy.listeners(), "listeners keep their order");
        assertEquals(3, copy.threads());
        assertEquals(64, copy.evalBlockSize());
        assertEquals(90, copy.maxTrainingSeconds());
        assertEquals(5, copy.checkpointEvery());
        assertEquals(Optional.of(Path.of("run.ckpt")), copy.checkpointFile());
        assertEquals(Optional.of(Path.of("old.ckpt")), copy.resumeFile());
        FitOptions off = copy.toBuilder().noCheckpoints().resumeFrom(null).build();
        assertEquals(0, off.checkpointEvery());
        assertEquals(Optional.empty(), off.checkpointFile());
        assertEquals(Optional.empty(), off.resumeFile());
    }
}
