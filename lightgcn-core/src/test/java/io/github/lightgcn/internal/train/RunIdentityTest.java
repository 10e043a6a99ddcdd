package io.github.lightgcn.internal.train;

import io.github.lightgcn.LightGCNConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

/** The resume rule: equal configurations but for epochs, and the same data. */
class RunIdentityTest {

    private static final LightGCNConfig CONFIG = LightGCNConfig.builder().embeddingDim(12).learningRate(0.02)
            .epochs(7).seed(9).build();
    private static final RunIdentity ID = new RunIdentity(CONFIG, 0xfedcba9876543210L, OptionalLong.of(42));

    @Test
    void theStoredTableReadsBack() {
        assertEquals(ID, RunIdentity.fromMap(ID.toMap()));
        RunIdentity unmonitored = new RunIdentity(CONFIG, 7, OptionalLong.empty());
        assertEquals("none", unmonitored.toMap().get("monitor.fingerprint"));
        assertEquals(unmonitored, RunIdentity.fromMap(unmonitored.toMap()));
        assertEquals("fedcba9876543210", ID.toMap().get("train.fingerprint"));
    }

    @Test
    void aFormat1TableWithTheRunOptionsOfThatTimeIsRead() {
        Map<String, String> format1 = new LinkedHashMap<>();
        CONFIG.asMap().forEach((k, v) -> format1.put("config." + k, v));
        format1.put("config.threads", "2");
        format1.put("config.evalBlockSize", "256");
        format1.put("config.maxTrainingSeconds", "0.0");
        format1.put("train.fingerprint", "fedcba9876543210");
        format1.put("monitor.fingerprint", "2a");
        assertEquals(ID, RunIdentity.fromMap(format1));
    }

    @Test
    void aDamagedTableNamesWhatIsWrong() {
        Map<String, String> m = new LinkedHashMap<>(ID.toMap());
        m.put("config.colour", "blue");
        var e = assertThrows(IllegalArgumentException.class, () -> RunIdentity.fromMap(m));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        Map<String, String> noTrain = new LinkedHashMap<>(ID.toMap());
        noTrain.remove("train.fingerprint");
        e = assertThrows(IllegalArgumentException.class, () -> RunIdentity.fromMap(noTrain));
        assertTrue(e.getMessage().contains("train.fingerprint"), e.getMessage());
        Map<String, String> badHex = new LinkedHashMap<>(ID.toMap());
        badHex.put("monitor.fingerprint", "xyz");
        e = assertThrows(IllegalArgumentException.class, () -> RunIdentity.fromMap(badHex));
        assertTrue(e.getMessage().contains("monitor.fingerprint"), e.getMessage());
        Map<String, String> other = new LinkedHashMap<>(ID.toMap());
        other.put("note", "x");
        assertThrows(IllegalArgumentException.class, () -> RunIdentity.fromMap(other));
    }

    @Test
    void anotherNumberOfEpochsMayResumeAnythingElseMayNot() {
        assertEquals(List.of(), new RunIdentity(CONFIG.withEpochs(1000), 0xfedcba9876543210L, OptionalLong.of(42))
                .refusalsToResume(ID));
        RunIdentity otherRate = new RunIdentity(CONFIG.toBuilder().learningRate(0.5).epochs(3).build(),
                0xfedcba9876543210L, OptionalLong.of(42));
        assertEquals(List.of("config.learningRate = 0.02 there, 0.5 here"), otherRate.refusalsToResume(ID));
        assertFalse(otherRate.otherData(ID));

        RunIdentity otherData = new RunIdentity(CONFIG, 1, OptionalLong.empty());
        assertEquals(List.of("train.fingerprint = fedcba9876543210 there, 1 here",
                "monitor.fingerprint = 2a there, none here"), otherData.refusalsToResume(ID));
        assertTrue(otherData.otherData(ID));
    }
}
