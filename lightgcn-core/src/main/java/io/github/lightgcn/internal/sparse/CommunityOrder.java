package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.Arrays;

/**
 * The positions of {@link NodeOrder#communities}: Rabbit order (Arai et al., IPDPS 2016) run sequentially. Nodes in
 * ascending degree each join the neighbouring community whose merge gains the most modularity; the merge tree is then
 * numbered depth first, so every community, at every level, takes consecutive positions. Users are placed first and
 * items after, each side keeping that order.
 *
 * <p>Each community keeps its edges aggregated (neighbour community → edge count); a node's list is built from its own
 * edges and its merged children's lists when it is processed, so long chains of merges stay linear.
 */
final class CommunityOrder {

    private CommunityOrder() {}

    /** position[node] for {@code graph}'s nodes (users 0..U-1, items U..U+I-1). Deterministic. */
    static int[] positions(InteractionGraph graph) {
        int users = graph.numUsers(), n = users + graph.numItems();
        int[] uOff = GraphArrays.userOffsets(graph), uIdx = GraphArrays.userItems(graph);
        int[] iOff = GraphArrays.itemOffsets(graph), iIdx = GraphArrays.itemUsers(graph);
        double twoM = 2.0 * graph.numEdges();

        long[] degree = new long[n]; // a community's degree: the sum of its members' degrees
        for (int v = 0; v < n; v++) degree[v] = NodeOrder.degree(graph, v);
        long[] byDegree = new long[n]; // degree in the high bits, id in the low: ascending degree, then id
        for (int v = 0; v < n; v++) byDegree[v] = (degree[v] << 32) | v;
        Arrays.sort(byDegree);

        int[] community = new int[n]; // union-find: a node's community is find(node)
        for (int v = 0; v < n; v++) community[v] = v;
        int[] firstChild = new int[n], lastChild = new int[n], nextSibling = new int[n];
        Arrays.fill(firstChild, -1);
        Arrays.fill(lastChild, -1);
        Arrays.fill(nextSibling, -1);
        int[][] edgeTo = new int[n][], edgeCount = new int[n][]; // a merged community's aggregated edges
        boolean[] isRoot = new boolean[n];

        int[] weight = new int[n], touched = new int[n];
        for (long key : byDegree) {
            int u = (int) key;
            // u's edges to the current communities: its own, then those of the communities merged into it
            int found = 0;
            int from = u < users ? uOff[u] : iOff[u - users], to = u < users ? uOff[u + 1] : iOff[u - users + 1];
            int[] idx = u < users ? uIdx : iIdx;
            int shift = u < users ? users : 0;
            for (int p = from; p < to; p++) found = add(find(community, idx[p] + shift), 1, u, weight, touched, found);
            for (int child = firstChild[u]; child >= 0; child = nextSibling[child]) {
                int[] childTo = edgeTo[child], childCount = edgeCount[child];
                for (int e = 0; e < childTo.length; e++) {
                    found = add(find(community, childTo[e]), childCount[e], u, weight, touched, found);
                }
                edgeTo[child] = edgeCount[child] = null;
            }
            int best = -1;
            double bestGain = 0;
            int[] neighbour = new int[found], count = new int[found]; // u's aggregated edges, kept if u merges
            for (int i = 0; i < found; i++) {
                int c = touched[i];
                neighbour[i] = c;
                count[i] = weight[c];
                weight[c] = 0;
                double gain = 2 * (count[i] / twoM - (double) degree[u] * degree[c] / (twoM * twoM));
                if (gain > bestGain || (gain == bestGain && gain > 0 && c < best)) {
                    bestGain = gain;
                    best = c;
                }
            }
            if (best < 0) { // no merge gains: u tops a community of its own (others may still join it later)
                isRoot[u] = true;
                continue;
            }
            edgeTo[u] = neighbour;
            edgeCount[u] = count;
            community[u] = best;
            degree[best] += degree[u];
            if (lastChild[best] < 0) firstChild[best] = u; else nextSibling[lastChild[best]] = u;
            lastChild[best] = u;
        }

        // Depth first from each top community, the last processed (highest degree) first; children in merge order.
        int[] sequence = new int[n], stack = new int[n];
        int next = 0;
        for (int k = n - 1; k >= 0; k--) {
            int root = (int) byDegree[k];
            if (!isRoot[root]) continue;
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int v = stack[--top];
                sequence[next++] = v;
                int children = 0;
                for (int c = firstChild[v]; c >= 0; c = nextSibling[c]) children++;
                int at = top + children;
                for (int c = firstChild[v]; c >= 0; c = nextSibling[c]) stack[--at] = c; // first child on top
                top += children;
            }
        }
        // users first, then items, each in the depth-first sequence
        int[] position = new int[n];
        int nextUser = 0, nextItem = users;
        for (int v : sequence) position[v] = v < users ? nextUser++ : nextItem++;
        return position;
    }

    /** Adds {@code count} edges from u to community c (ignoring u itself); returns the number of communities touched. */
    private static int add(int c, int count, int u, int[] weight, int[] touched, int found) {
        if (c == u) return found;
        if (weight[c] == 0) touched[found++] = c;
        weight[c] += count;
        return found;
    }

    private static int find(int[] community, int v) {
        while (community[v] != v) {
            community[v] = community[community[v]]; // path halving
            v = community[v];
        }
        return v;
    }
}
