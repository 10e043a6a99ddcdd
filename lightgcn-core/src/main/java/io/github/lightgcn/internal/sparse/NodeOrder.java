package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * Where each node's row sits in the training tables. Nodes keep their ids (users {@code 0..U-1}, items
 * {@code U..U+I-1}); a table row is {@code position(node)}. {@link #communities} (the order LightGCN trains in)
 * places nodes that share neighbours next to each other, so a propagation layer gathers rows that are more often
 * already in the core's cache (BENCHMARKS.md has the measured gains; the benchmarks build other orders with
 * {@link #of}).
 * Positions change where rows are stored, never how a row is summed (see
 * {@link NormalizedAdjacency#of(InteractionGraph, NodeOrder)}), so results are the same bit for bit in any order.
 */
public final class NodeOrder {

    private final int[] position; // position[node]: its table row
    private final int[] node;      // node[row]: the node stored there

    private NodeOrder(int[] position) {
        this.position = position;
        this.node = new int[position.length];
        for (int n = 0; n < position.length; n++) node[position[n]] = n;
    }

    /** Row = node id. */
    public static NodeOrder identity(int numNodes) {
        int[] position = new int[numNodes];
        for (int n = 0; n < numNodes; n++) position[n] = n;
        return new NodeOrder(position);
    }

    /**
     * The order that stores node n at row {@code positions[n]} (the array is copied).
     *
     * @throws IllegalArgumentException when {@code positions} is not a permutation of {@code 0..positions.length-1}
     */
    public static NodeOrder of(int[] positions) {
        int[] position = positions.clone();
        boolean[] used = new boolean[position.length];
        for (int n = 0; n < position.length; n++) {
            int row = position[n];
            if (row < 0 || row >= position.length) {
                throw new IllegalArgumentException("positions[" + n + "] must be in [0, " + position.length + "), got "
                        + row);
            }
            if (used[row]) {
                throw new IllegalArgumentException("positions must be a permutation: row " + row
                        + " is given twice (again to node " + n + ")");
            }
            used[row] = true;
        }
        return new NodeOrder(position);
    }

    /**
     * Community order: {@link CommunityOrder Rabbit order}'s communities numbered depth first, users first and items
     * after. A user's row gathers only item rows and an item's only user rows, so a sweep over consecutive users
     * reuses the item rows its neighbours also gathered. Deterministic; about O(edges).
     */
    public static NodeOrder communities(InteractionGraph graph) {
        return new NodeOrder(CommunityOrder.positions(graph));
    }

    /** The degree of node {@code node} (users 0..U-1, items U..U+I-1). */
    static int degree(InteractionGraph graph, int node) {
        int users = graph.numUsers();
        return node < users ? graph.userDegree(node) : graph.itemDegree(node - users);
    }

    public int size() { return position.length; }

    /** The table row of {@code node}. */
    public int position(int node) { return position[node]; }

    /** The node stored in table row {@code row}. */
    public int node(int row) { return node[row]; }

    /** The positions, indexed by node (shared storage: do not modify). */
    public int[] positions() { return position; }

    public boolean isIdentity() {
        for (int n = 0; n < position.length; n++) if (position[n] != n) return false;
        return true;
    }

    /**
     * Rows of nodes {@code [fromNode, toNode)} of a table in this order (row r at {@code base + r·dim}) as a plain
     * array in node order.
     */
    public float[] toNodeOrder(float[] table, int base, int dim, int fromNode, int toNode) {
        float[] plain = new float[(toNode - fromNode) * dim];
        for (int n = fromNode; n < toNode; n++) {
            System.arraycopy(table, base + position[n] * dim, plain, (n - fromNode) * dim, dim);
        }
        return plain;
    }

    /** All rows of a table in this order, as a plain array in node order. */
    public float[] toNodeOrder(float[] table, int base, int dim) {
        return toNodeOrder(table, base, dim, 0, position.length);
    }

    /** Writes a plain node-order array ({@code size() × dim}) into a table in this order (row r at base + r·dim). */
    public void fromNodeOrder(float[] plain, float[] table, int base, int dim) {
        if (plain.length != position.length * dim) {
            throw new IllegalArgumentException("expected " + position.length + " rows of " + dim + ", got "
                    + plain.length + " values");
        }
        for (int n = 0; n < position.length; n++) {
            System.arraycopy(plain, n * dim, table, base + position[n] * dim, dim);
        }
    }
}
