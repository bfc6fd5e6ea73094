package dev.scimctl;

/**
 * The exit codes every command shares. They are a documented interface (README, {@code scimctl help exit-codes}):
 * scripts branch on them, so a number never changes meaning.
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The work found problems: validation errors, failed rows, failed checks. */
    public static final int PROBLEMS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input cannot be read: missing file, bad encoding, broken config. */
    public static final int INPUT = 3;
    /** The server refused the credentials (401/403). */
    public static final int AUTH = 4;
    /** The server cannot be reached: DNS, connect, TLS, timeout. */
    public static final int UNREACHABLE = 5;
    /** The server misbehaved: 5xx after retries, a response that is not SCIM. */
    public static final int SERVER = 6;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
