package io.github.lightgcn.bench;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.sparse.NodeOrder;

import java.util.Arrays;

/**
 * The breadth-first node order LightGCN trained in before the community order, kept for the benchmarks that compare
 * the two: each component from its highest-degree node (ties: lower id), neighbours in id order. Deterministic;
 * O(nodes · log nodes + edges).
 */
public final class BreadthFirstOrder {

    private BreadthFirstOrder() {}

    /** The order of {@code graph}'s nodes (users 0..U-1, items U..U+I-1). */
    public static NodeOrder of(InteractionGraph graph) {
        int users = graph.numUsers(), n = users + graph.numItems();
        int[] uOff = GraphArrays.userOffsets(graph), uIdx = GraphArrays.userItems(graph);
        int[] iOff = GraphArrays.itemOffsets(graph), iIdx = GraphArrays.itemUsers(graph);
        long[] byDegree = new long[n]; // -degree in the high bits, id in the low: ascending = degree descending
        for (int v = 0; v < n; v++) {
            int degree = v < users ? graph.userDegree(v) : graph.itemDegree(v - users);
            byDegree[v] = ((long) -degree << 32) | v;
        }
        Arrays.sort(byDegree);
        int[] position = new int[n];
        Arrays.fill(position, -1);
        int[] queue = new int[n];
        int next = 0;
        for (long key : byDegree) {
            int start = (int) key;
            if (position[start] >= 0) continue;
            int head = next;
            position[start] = next;
            queue[next++] = start;
            while (head < next) {
                int v = queue[head++];
                if (v < users) {
                    for (int p = uOff[v]; p < uOff[v + 1]; p++) {
                        int w = users + uIdx[p];
                        if (position[w] < 0) { position[w] = next; queue[next++] = w; }
                    }
                } else {
                    for (int p = iOff[v - users]; p < iOff[v - users + 1]; p++) {
                        int w = iIdx[p];
                        if (position[w] < 0) { position[w] = next; queue[next++] = w; }
                    }
                }
            }
        }
        return NodeOrder.of(position);
    }
}
