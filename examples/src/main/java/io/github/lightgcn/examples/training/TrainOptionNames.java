package io.github.lightgcn.examples.training;

import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.examples.cli.TrainCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration values ({@link LightGCNConfig#asMap()} keys) as the options of {@code lightgcn train}, so that a
 * tuned configuration can be pasted as a command line.
 */
public final class TrainOptionNames {

    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("layers", "--layers");
        OPTIONS.put("embeddingDim", "--dim");
        OPTIONS.put("batchSize", "--batch");
        OPTIONS.put("learningRate", "--lr");
        OPTIONS.put("learningRateDecay", "--lr-decay");
        OPTIONS.put("l2", "--l2");
        OPTIONS.put("epochs", "--epochs");
        OPTIONS.put("evalEvery", "--eval-every");
        OPTIONS.put("patience", "--patience");
        OPTIONS.put("sampling", "--sampler");
        OPTIONS.put("seed", "--seed");
    }

    private TrainOptionNames() {}

    /**
     * The train options that give {@code config}'s values for {@code keys} (e.g. {@code --lr 0.005 --dim 128});
     * values without a train option are returned in {@code withoutOption} as {@code key=value}.
     */
    public static String options(LightGCNConfig config, Iterable<String> keys, List<String> withoutOption) {
        Map<String, String> values = config.asMap();
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            String option = OPTIONS.get(key), value = values.get(key);
            if (option == null) {
                withoutOption.add(key + "=" + value);
                continue;
            }
            if (key.equals("sampling")) value = TrainCommand.SamplerConverter.label(config.sampling());
            parts.add(option + " " + value);
        }
        return String.join(" ", parts);
    }
}
