package dev.scimctl.cli.options;

import dev.scimctl.cli.CommandContext;
import picocli.CommandLine.Option;

/**
 * {@code -q}/{@code --quiet}, on the commands that print progress: no progress bar or progress lines and no notes on
 * stderr. Errors, warnings, questions, results and data are printed as ever. The factory builds it with the run's
 * context, which it sets as the option is parsed, so no command can forget to pass it on.
 */
public class QuietOption {
    private final CommandContext context;

    public QuietOption(CommandContext context) {
        this.context = context;
    }

    @Option(names = {"-q", "--quiet"})
    void quiet(boolean quiet) {
        context.setQuiet(quiet);
    }
}
