package dev.scimctl.testing;

/**
 * What one run of scimctl left behind. The assertion helpers fail with both streams in the message, so a failing
 * test shows what the command actually said.
 */
public record CliResult(int exitCode, String out, String err) {

    public CliResult assertExit(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit code " + expected + " but was " + exitCode + "\n" + this);
        }
        return this;
    }

    public CliResult assertOutContains(String... parts) {
        for (String p : parts) {
            if (!out.contains(p)) {
                throw new AssertionError("stdout does not contain: " + p + "\n" + this);
            }
        }
        return this;
    }

    public CliResult assertErrContains(String... parts) {
        for (String p : parts) {
            if (!err.contains(p)) {
                throw new AssertionError("stderr does not contain: " + p + "\n" + this);
            }
        }
        return this;
    }

    public CliResult assertErrEmpty() {
        if (!err.isEmpty()) {
            throw new AssertionError("stderr is not empty\n" + this);
        }
        return this;
    }

    public CliResult assertOutEmpty() {
        if (!out.isEmpty()) {
            throw new AssertionError("stdout is not empty\n" + this);
        }
        return this;
    }

    /** Fails if either stream holds a Java stack trace. */
    public CliResult assertNoStackTrace() {
        if (out.contains("\tat ") || err.contains("\tat ") || err.contains("Exception in thread")) {
            throw new AssertionError("a stack trace was printed\n" + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err + "\n--------------";
    }
}
