package dev.scimctl.testing;

/** What one scimctl run produced. Its assertions print both streams when they fail. */
public record CliResult(int exitCode, String out, String err) {
    public CliResult assertExit(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit " + expected + " but was " + exitCode + "\n" + describe());
        }
        return this;
    }

    public String describe() {
        return "--- exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }

    /** Both streams, for "never appears anywhere" checks. */
    public String all() {
        return out + "\n" + err;
    }
}
