package io.github.lightgcn.io;

/**
 * How to read a set of interaction files.
 *
 * @param format    the file format
 * @param indexBase 0 or 1: the id that the files use for the first user and item (1 = subtract 1 from every id);
 *                  adj and pairs only
 * @param numUsers  the size of the user universe, or 0 to infer it (largest id + 1 over all files); an id at or
 *                  above an explicit size is an error. Adj and pairs only: csv sizes come from the id mapping
 * @param numItems  the same for items
 */
public record ReadOptions(DataFormat format, int indexBase, int numUsers, int numItems) {

    public ReadOptions {
        if (format == null) throw new IllegalArgumentException("format must not be null");
        if (indexBase != 0 && indexBase != 1) {
            throw new IllegalArgumentException("index base must be 0 or 1, got " + indexBase);
        }
        if (numUsers < 0) throw new IllegalArgumentException("numUsers must be >= 0 (0 = infer), got " + numUsers);
        if (numItems < 0) throw new IllegalArgumentException("numItems must be >= 0 (0 = infer), got " + numItems);
        if (format == DataFormat.CSV && indexBase != 0) {
            throw new IllegalArgumentException("index base applies to adj and pairs files; csv ids are original ids"
                    + " mapped to dense indexes");
        }
        if (format == DataFormat.CSV && (numUsers != 0 || numItems != 0)) {
            throw new IllegalArgumentException("explicit numbers of users and items apply to adj and pairs files;"
                    + " csv sizes are the number of distinct ids");
        }
    }

    /** 0-based ids, sizes inferred from the files. */
    public static ReadOptions of(DataFormat format) { return new ReadOptions(format, 0, 0, 0); }

    public ReadOptions withIndexBase(int base) { return new ReadOptions(format, base, numUsers, numItems); }

    /** Fixes the universe; 0 leaves a side inferred. */
    public ReadOptions withUniverse(int users, int items) { return new ReadOptions(format, indexBase, users, items); }
}
