package io.github.lightgcn.examples.cli;

import io.github.lightgcn.examples.training.Defaults;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code -n/--top} of {@code recommend} and {@code similar}: one description, default and check. There is no upper
 * bound: asking for more than there are is how a user asks for all of them (the list is as long as what is left, and
 * costs no more than the catalog's size), and the header then says how many it shows ({@link #shown}). The service
 * caps its n at 100 because its answers go over the network to many callers; a command line prints to one.
 */
public final class TopOption {

    @Option(names = {"-n", "--top"}, paramLabel = "N", defaultValue = Defaults.TOP,
            description = "How many anime, 1 or more (all that are left when there are fewer). Default: "
                    + "${DEFAULT-VALUE}.")
    int n;

    /** The value, or a usage error of {@code spec}'s command naming {@code -n}. */
    public int value(CommandSpec spec) {
        if (n < 1) throw OptionCheck.invalid(spec, "-n", "must be >= 1, got " + n);
        return n;
    }

    /**
     * What a header adds when {@code -n} asked for more than the {@code shown} answers there are: {@code ""} when
     * all asked for are there, else {@code "; all the model can give, -n asked for 100000"} (the header's count is
     * the number shown).
     */
    public String shown(int shown) {
        return shown >= n ? "" : String.format(Locale.ROOT, "; all the model can give, -n asked for %d", n);
    }
}
