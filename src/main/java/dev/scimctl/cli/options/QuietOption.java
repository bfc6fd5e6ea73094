package dev.scimctl.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code -q}/{@code --quiet}, on the commands that print progress: no progress bar or progress lines and no notes on
 * stderr. Errors, warnings, questions, results and data are printed as ever.
 */
public class QuietOption {
    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    public boolean quiet() {
        return quiet;
    }
}
