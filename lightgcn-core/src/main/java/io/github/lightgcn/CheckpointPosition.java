package io.github.lightgcn;

import io.github.lightgcn.internal.train.Checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a saved training run stands: the epochs it completed and the next batch of the epoch after them (0 when it
 * was saved between epochs). Read from a checkpoint's first bytes only, so it is cheap; {@link LightGCN} checks the
 * whole file when it resumes from it.
 */
public record CheckpointPosition(int completedEpochs, int nextBatch) {

    /**
     * The position of the checkpoint in {@code file}.
     *
     * @throws IOException when the file cannot be read or is not a LightGCN checkpoint
     */
    public static CheckpointPosition read(Path file) throws IOException {
        return Checkpoint.position(file);
    }
}
