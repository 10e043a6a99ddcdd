package io.github.lightgcn.examples.training;

import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.IdMapping;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.split.Interactions;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.split.Split;


/**
 * The train, validation and test parts of a split as keyed data on one key universe, so that the model trained on
 * the first carries the keys (MAL user and anime ids, the csv files' original ids, or for adj and pairs files the
 * dense ids themselves).
 *
 * @param val the validation part, or null when there is none
 */
public record KeyedSplit(KeyedInteractions train, KeyedInteractions val, KeyedInteractions test) {

    /**
     * A MAL split through the keyed builder: every user and anime of the data set is declared, so the universe (and
     * the sorted-id indexes) are those of the data set, as {@code split.graphs(data.users(), data.anime())} makes
     * them, bit for bit.
     */
    static KeyedSplit ofMal(MalDataset data, Split split) {
        KeyedInteractions.Builder builder = KeyedInteractions.builder();
        for (int id : data.users().originalIds()) builder.addUser(id);
        for (int id : data.anime().originalIds()) builder.addItem(id);
        Interactions train = split.train();
        for (int p = 0; p < train.size(); p++) builder.add(train.userId(p), train.itemId(p));
        KeyedInteractions keyedTrain = builder.build();
        return new KeyedSplit(keyedTrain, heldOut(keyedTrain, split.val()), heldOut(keyedTrain, split.test()));
    }

    private static KeyedInteractions heldOut(KeyedInteractions train, Interactions part) {
        // every id is in the declared universe: an unknown one would be a bug, so it fails
        KeyedInteractions.HeldOutBuilder b = train.heldOut(KeyedInteractions.UnknownKeys.FAIL);
        for (int p = 0; p < part.size(); p++) b.add(part.userId(p), part.itemId(p));
        return b.build();
    }

    /** Split files as read: csv parts keyed by their original ids (mapped by the reader), adj and pairs by index. */
    public static KeyedSplit of(InteractionSplit split) {
        KeyIndex users = split.userIds().map(KeyedSplit::keys).orElse(KeyIndex.identity(split.numUsers()));
        KeyIndex items = split.itemIds().map(KeyedSplit::keys).orElse(KeyIndex.identity(split.numItems()));
        return new KeyedSplit(KeyedInteractions.of(split.train(), users, items),
                split.validation().map(v -> KeyedInteractions.of(v, users, items)).orElse(null),
                KeyedInteractions.of(split.test(), users, items));
    }

    /** The long keys of a mapping, index i holding the original id of index i. */
    public static KeyIndex keys(IdMapping ids) { return ids.toKeys(); }

    /** The int ids of long keys (MAL and csv ids are ints), ascending as the builder assigns them. */
    public static IdMapping ids(KeyIndex keys) { return IdMapping.fromKeys(keys); }
}
