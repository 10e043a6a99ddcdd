package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Train, optional validation and test interactions on one id universe (every graph has the same numbers of users
 * and items), as read by {@link SplitReader}. For csv files it also holds the mappings between dense indexes and
 * the original ids.
 */
public final class InteractionSplit {

    /** What was read from one file. */
    public record Source(Path file, long dataLines, int pairs, boolean headerSkipped) {
        static Source of(EdgeList edges) {
            return new Source(edges.file(), edges.dataLines(), edges.size(), edges.headerSkipped());
        }
    }

    private final InteractionGraph train;
    private final InteractionGraph validation;
    private final InteractionGraph test;
    private final Source trainSource;
    private final Source validationSource;
    private final Source testSource;
    private final IdMapping userIds;
    private final IdMapping itemIds;

    InteractionSplit(InteractionGraph train, InteractionGraph validation, InteractionGraph test, Source trainSource,
                     Source validationSource, Source testSource, IdMapping userIds, IdMapping itemIds) {
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.trainSource = trainSource;
        this.validationSource = validationSource;
        this.testSource = testSource;
        this.userIds = userIds;
        this.itemIds = itemIds;
    }

    public InteractionGraph train() { return train; }

    /** The validation graph, when a validation file was given. */
    public Optional<InteractionGraph> validation() { return Optional.ofNullable(validation); }

    public InteractionGraph test() { return test; }

    public int numUsers() { return train.numUsers(); }

    public int numItems() { return train.numItems(); }

    public Source trainSource() { return trainSource; }

    public Optional<Source> validationSource() { return Optional.ofNullable(validationSource); }

    public Source testSource() { return testSource; }

    /** Dense user index ↔ original user id; present for csv files only. */
    public Optional<IdMapping> userIds() { return Optional.ofNullable(userIds); }

    /** Dense item index ↔ original item id; present for csv files only. */
    public Optional<IdMapping> itemIds() { return Optional.ofNullable(itemIds); }

    /** Repeated pairs merged over all files (each file's graph counts its own). */
    public long duplicatesMerged() {
        return train.duplicatesMerged() + test.duplicatesMerged()
                + (validation == null ? 0 : validation.duplicatesMerged());
    }

    /** Users with test interactions but none in training (cold users; they get popularity-like scores). */
    public int coldTestUsers() {
        int n = 0;
        for (int u = 0; u < numUsers(); u++) if (test.userDegree(u) > 0 && train.userDegree(u) == 0) n++;
        return n;
    }

    /** One line, e.g. {@code 956 users x 5560 items; edges train 77976, val 9747, test 9747; duplicates merged 0}. */
    public String summary() {
        return numUsers() + " users x " + numItems() + " items; edges train " + train.numEdges()
                + ", val " + (validation == null ? "-" : Integer.toString(validation.numEdges()))
                + ", test " + test.numEdges() + "; duplicates merged " + duplicatesMerged()
                + "; test users without train edges " + coldTestUsers();
    }

    @Override
    public String toString() { return "InteractionSplit[" + summary() + "]"; }
}
