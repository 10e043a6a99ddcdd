package io.github.lightgcn.examples.training;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.Sampling;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Takes the training options' defaults from {@link LightGCNConfig#defaults()} and {@link FitOptions#defaults()}, so
 * the command line and the library can never disagree (and {@code --help} shows the library's values).
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    private static final Map<String, String> DEFAULTS = defaults(LightGCNConfig.defaults(), FitOptions.defaults());

    private static Map<String, String> defaults(LightGCNConfig c, FitOptions o) {
        return Map.ofEntries(
                Map.entry("--layers", Integer.toString(c.layers())),
                Map.entry("--dim", Integer.toString(c.embeddingDim())),
                Map.entry("--batch", Integer.toString(c.batchSize())),
                Map.entry("--lr", Double.toString(c.learningRate())),
                Map.entry("--l2", Double.toString(c.l2())),
                Map.entry("--epochs", Integer.toString(c.epochs())),
                Map.entry("--eval-every", Integer.toString(c.evalEvery())),
                Map.entry("--patience", Integer.toString(c.patience())),
                Map.entry("--sampler", c.sampling() == Sampling.EDGE_UNIFORM ? "edge" : "user"),
                Map.entry("--seed", Long.toString(c.seed())),
                Map.entry("--threads", Integer.toString(o.threads())));
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? DEFAULTS.get(option.longestName()) : null;
    }
}
