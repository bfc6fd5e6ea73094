package dev.scimctl.output;

/**
 * Whoever read stdout has gone (e.g. {@code scimctl users list | head}): there is no point in reading on. Commands
 * stop quietly, with exit 0, as the reader chose to stop.
 */
public final class OutputClosedException extends RuntimeException {
    public OutputClosedException() {
        super("stdout was closed", null, false, false);
    }
}
