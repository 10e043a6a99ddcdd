package io.github.lightgcn.internal.graph;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * The live CSR arrays of an {@link InteractionGraph}, for the kernels, the samplers and the ranking: the graph's
 * own storage, never to be modified. The public graph hands out copies only; this is the one way in, through an
 * accessor the graph installs when its class is initialised (the "shared secrets" pattern of the JDK), so the
 * arrays stay out of the API.
 */
public final class GraphArrays {

    /** Implemented by {@link InteractionGraph} alone. */
    public interface Access {
        int[] userOffsets(InteractionGraph g);

        int[] userItems(InteractionGraph g);

        int[] itemOffsets(InteractionGraph g);

        int[] itemUsers(InteractionGraph g);
    }

    private static volatile Access access;

    private GraphArrays() {}

    /** Called once, by {@link InteractionGraph}'s static initialiser. */
    public static void install(Access a) {
        if (access != null) throw new IllegalStateException("the graph accessor is already installed");
        access = a;
    }

    // Holding a graph means its class is initialised, so the accessor is there.

    /** CSR row offsets by user (length numUsers + 1). */
    public static int[] userOffsets(InteractionGraph g) { return access.userOffsets(g); }

    /** The items of each user, ascending within a row. */
    public static int[] userItems(InteractionGraph g) { return access.userItems(g); }

    /** CSR row offsets by item (length numItems + 1). */
    public static int[] itemOffsets(InteractionGraph g) { return access.itemOffsets(g); }

    /** The users of each item, ascending within a row. */
    public static int[] itemUsers(InteractionGraph g) { return access.itemUsers(g); }
}
