package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads train, optional validation and test files into graphs on one id universe, so a model trained on the first
 * can be evaluated on the others:
 * <ul>
 *   <li>adj and pairs: ids are dense already; the universe is the explicit size when given, else the largest id
 *       + 1 over all files (items seen only in test stay in the universe, as in the reference code);</li>
 *   <li>csv: original ids are mapped to dense indexes by sorted order over train ∪ val ∪ test (the PyTorch
 *       reference's mapping for the MAL split), and the universe is the number of distinct ids.</li>
 * </ul>
 * The result depends only on the file contents: reading the same files twice gives identical graphs.
 */
public final class SplitReader {

    private SplitReader() {}

    /**
     * @param validation the validation file, or null
     * @throws DataFormatException for malformed input (naming file, line and field)
     * @throws IOException         when a file cannot be read
     */
    public static InteractionSplit read(ReadOptions options, Path train, Path validation, Path test)
            throws IOException {
        EdgeList trainEdges = readFile(options, train);
        EdgeList valEdges = validation == null ? null : readFile(options, validation);
        EdgeList testEdges = readFile(options, test);
        return options.format() == DataFormat.CSV
                ? mapped(trainEdges, valEdges, testEdges)
                : dense(options, trainEdges, valEdges, testEdges);
    }

    /** Reads one file in the given format (ids checked against the explicit sizes, not yet mapped). */
    public static EdgeList readFile(ReadOptions options, Path file) throws IOException {
        return switch (options.format()) {
            case ADJ -> new AdjacencyListReader(options.indexBase(), options.numUsers(), options.numItems()).read(file);
            case PAIRS -> new PairFileReader(options.indexBase(), options.numUsers(), options.numItems()).read(file);
            case CSV -> new CsvPairReader().read(file);
        };
    }

    private static InteractionSplit dense(ReadOptions options, EdgeList train, EdgeList val, EdgeList test) {
        int maxUser = Math.max(train.maxUser(), test.maxUser());
        int maxItem = Math.max(train.maxItem(), test.maxItem());
        if (val != null) {
            maxUser = Math.max(maxUser, val.maxUser());
            maxItem = Math.max(maxItem, val.maxItem());
        }
        // the readers already rejected ids at or above an explicit size
        int numUsers = options.numUsers() > 0 ? options.numUsers() : maxUser + 1;
        int numItems = options.numItems() > 0 ? options.numItems() : maxItem + 1;
        return new InteractionSplit(train.toGraph(numUsers, numItems),
                val == null ? null : val.toGraph(numUsers, numItems), test.toGraph(numUsers, numItems),
                InteractionSplit.Source.of(train), val == null ? null : InteractionSplit.Source.of(val),
                InteractionSplit.Source.of(test), null, null);
    }

    private static InteractionSplit mapped(EdgeList train, EdgeList val, EdgeList test) {
        IdMapping users = IdMapping.of(concat(train.users(), val == null ? null : val.users(), test.users()));
        IdMapping items = IdMapping.of(concat(train.items(), val == null ? null : val.items(), test.items()));
        return new InteractionSplit(remap(train, users, items), val == null ? null : remap(val, users, items),
                remap(test, users, items), InteractionSplit.Source.of(train),
                val == null ? null : InteractionSplit.Source.of(val), InteractionSplit.Source.of(test), users, items);
    }

    private static InteractionGraph remap(EdgeList edges, IdMapping users, IdMapping items) {
        int n = edges.size();
        int[] u = new int[n], i = new int[n];
        for (int p = 0; p < n; p++) {
            u[p] = users.indexOf(edges.user(p));
            i[p] = items.indexOf(edges.item(p));
        }
        return InteractionGraph.fromPairs(users.size(), items.size(), u, i);
    }

    private static int[] concat(int[] a, int[] b, int[] c) {
        int nb = b == null ? 0 : b.length;
        int[] out = new int[a.length + nb + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        if (b != null) System.arraycopy(b, 0, out, a.length, nb);
        System.arraycopy(c, 0, out, a.length + nb, c.length);
        return out;
    }
}
