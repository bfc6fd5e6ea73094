package dev.scimctl.cli.options;

import dev.scimctl.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --parallel N}: how many requests {@code import} and {@code import undo} keep in flight at once. Both apply
 * through the same AdaptiveLimit, which takes fewer while the server pushes back.
 */
public class ParallelOption {
    public static final int MAX = 32;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4")
    int parallel;

    /** Refuses a number outside 1 to {@link #MAX}: a usage error, before anything is read or sent. */
    public void check() {
        if (parallel < 1 || parallel > MAX) {
            throw new UsageException("--parallel " + parallel + ": give 1 to " + MAX);
        }
    }

    public int value() {
        return parallel;
    }
}
