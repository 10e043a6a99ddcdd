package io.github.lightgcn.internal.persist;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.InteractionGraph;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Child process of {@link KillDuringSaveTest}: saves model "A" once, says so, then saves model "B" (other
 * values) to the same file again and again until it is killed.
 */
public final class SaveLoop {

    static LightGCNModel model(float value) {
        int users = 20_000, items = 10_000, dim = 64; // ~7.7 MB: a save takes long enough to be hit by a kill
        float[] u = new float[users * dim], i = new float[items * dim];
        Arrays.fill(u, value);
        Arrays.fill(i, -value);
        InteractionGraph g = InteractionGraph.fromPairs(users, items, new int[]{0, 1}, new int[]{0, 1});
        return LightGCNModel.of(u, i, dim, g, Map.of("version", Float.toString(value)));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        model(1f).save(file);
        System.out.println("A saved");
        System.out.flush();
        LightGCNModel b = model(2f);
        for (long n = 0; ; n++) b.save(file);
    }
}
