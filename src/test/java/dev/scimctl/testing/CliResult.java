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

    public CliResult assertOutContains(String... parts) {
        for (String p : parts) {
            if (!out.contains(p)) {
                throw new AssertionError("stdout does not contain: " + p + "\n" + describe());
            }
        }
        return this;
    }

    public CliResult assertErrContains(String... parts) {
        for (String p : parts) {
            if (!err.contains(p)) {
                throw new AssertionError("stderr does not contain: " + p + "\n" + describe());
            }
        }
        return this;
    }

    public CliResult assertOutEmpty() {
        if (!out.isEmpty()) {
            throw new AssertionError("stdout is not empty\n" + describe());
        }
        return this;
    }

    public CliResult assertErrEmpty() {
        if (!err.isEmpty()) {
            throw new AssertionError("stderr is not empty\n" + describe());
        }
        return this;
    }

    /** Fails if either stream holds a Java stack trace. */
    public CliResult assertNoStackTrace() {
        if (all().contains("\tat ") || err.contains("Exception in thread")) {
            throw new AssertionError("a stack trace was printed\n" + describe());
        }
        return this;
    }

    @Override
    public String toString() {
        return describe();
    }
}
