package io.github.lightgcn.testing;

import io.github.lightgcn.graph.InteractionGraph;

import java.util.Random;

/** Small graphs for tests. */
public final class Graphs {

    private Graphs() {}

    /** A random graph where each (user, item) pair exists with probability {@code density}; some nodes isolated. */
    public static InteractionGraph random(int users, int items, double density, long seed) {
        Random r = new Random(seed);
        int[] us = new int[users * items], is = new int[users * items];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (r.nextDouble() < density) {
                    us[n] = u;
                    is[n] = i;
                    n++;
                }
            }
        }
        return InteractionGraph.fromPairs(users, items, java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(is, n));
    }

    /**
     * A planted-community graph: users and items fall in {@code communities} groups; a user interacts with
     * {@code perUser} items of its own group (uniform), plus one random item elsewhere as noise.
     * Returns {train, test}: each user's interactions split, the last {@code testPerUser} going to test.
     */
    public static InteractionGraph[] planted(int users, int items, int communities, int perUser, int testPerUser,
                                             long seed) {
        Random r = new Random(seed);
        int total = users * (perUser + 1);
        int[] tu = new int[total], ti = new int[total], su = new int[total], si = new int[total];
        int nt = 0, ns = 0;
        int groupSize = items / communities;
        for (int u = 0; u < users; u++) {
            int g = u % communities;
            java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < perUser) chosen.add(g * groupSize + r.nextInt(groupSize));
            chosen.add(r.nextInt(items));
            int c = 0;
            for (int item : chosen) {
                if (c++ < chosen.size() - testPerUser) {
                    tu[nt] = u;
                    ti[nt++] = item;
                } else {
                    su[ns] = u;
                    si[ns++] = item;
                }
            }
        }
        return new InteractionGraph[]{
                InteractionGraph.fromPairs(users, items, java.util.Arrays.copyOf(tu, nt), java.util.Arrays.copyOf(ti, nt)),
                InteractionGraph.fromPairs(users, items, java.util.Arrays.copyOf(su, ns), java.util.Arrays.copyOf(si, ns))};
    }
}
