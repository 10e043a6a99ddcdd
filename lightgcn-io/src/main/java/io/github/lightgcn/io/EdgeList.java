package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The (user, item) pairs of one file in reading order, before they are put on an id universe; repeats are kept
 * (the graph merges and counts them). Also remembers the largest ids seen, including users listed without items.
 */
public final class EdgeList {

    private final Path file;
    private int[] users = new int[1024];
    private int[] items = new int[1024];
    private int size;
    private int maxUser = -1;
    private int maxItem = -1;
    private long dataLines;
    private boolean headerSkipped;

    EdgeList(Path file) { this.file = file; }

    void add(int user, int item) {
        if (size == users.length) {
            int grown = Math.max(users.length * 2, 16);
            users = Arrays.copyOf(users, grown);
            items = Arrays.copyOf(items, grown);
        }
        users[size] = user;
        items[size] = item;
        size++;
        noteUser(user);
        if (item > maxItem) maxItem = item;
    }

    /** A user that exists even without items (a line holding only a user id). */
    void noteUser(int user) {
        if (user > maxUser) maxUser = user;
    }

    void countDataLine() { dataLines++; }

    void markHeaderSkipped() { headerSkipped = true; }

    /** The file read. */
    public Path file() { return file; }

    /** Number of pairs read, repeats included. */
    public int size() { return size; }

    /** The user id of pair {@code p}, in reading order. */
    public int user(int p) { return users[p]; }

    /** The item id of pair {@code p}, in reading order. */
    public int item(int p) { return items[p]; }

    /** The user ids, in reading order (a copy). */
    public int[] users() { return Arrays.copyOf(users, size); }

    /** The item ids, in reading order (a copy). */
    public int[] items() { return Arrays.copyOf(items, size); }

    /** The largest user id seen, or -1. */
    public int maxUser() { return maxUser; }

    /** The largest item id seen, or -1. */
    public int maxItem() { return maxItem; }

    /** Lines that held data (header and blank lines excluded). */
    public long dataLines() { return dataLines; }

    /** Whether a header line was recognised and skipped. */
    public boolean headerSkipped() { return headerSkipped; }

    /** The pairs as a graph of the given size (duplicates merged and counted). */
    public InteractionGraph toGraph(int numUsers, int numItems) {
        return InteractionGraph.fromPairs(numUsers, numItems, users(), items());
    }
}
