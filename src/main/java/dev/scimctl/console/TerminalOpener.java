package dev.scimctl.console;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;

/**
 * Opens the JLine terminal an interactive command talks to. The seam exists for tests, which drive an editor through
 * a terminal on piped streams instead of the process's own.
 */
@FunctionalInterface
public interface TerminalOpener {
    Terminal open() throws IOException;

    /** The process's terminal. While a line is read, Ctrl-C interrupts the line (JLine's handling), not the JVM. */
    static TerminalOpener system() {
        return () -> TerminalBuilder.builder().system(true).build();
    }
}
