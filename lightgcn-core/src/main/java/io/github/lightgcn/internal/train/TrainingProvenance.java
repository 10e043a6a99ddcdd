package io.github.lightgcn.internal.train;

import io.github.lightgcn.LightGCN;
import io.github.lightgcn.Provenance;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.internal.simd.VectorizationProvider;

import java.time.Instant;

/** The {@link Provenance} of a model trained here: what decided it, its data, the versions and kernels, the run. */
public final class TrainingProvenance {

    private TrainingProvenance() {}

    /**
     * @param identity   the configuration and data fingerprints of the run
     * @param trainEdges interactions in the training graph
     * @param summary    what the fit did (its stop reason is recorded by {@link io.github.lightgcn.StopReason#label()})
     */
    public static Provenance of(RunIdentity identity, int trainEdges, TrainingSummary summary) {
        return new Provenance(LightGCN.VERSION, System.getProperty("java.version"),
                VectorizationProvider.simd() ? "simd" : "scalar", Instant.now(), identity.config().asMap(),
                identity.trainFingerprintHex(), identity.monitorFingerprintHex(), trainEdges, summary.epochsRun(),
                summary.modelEpoch(), summary.stopReason().label(), summary.trainSeconds());
    }
}
