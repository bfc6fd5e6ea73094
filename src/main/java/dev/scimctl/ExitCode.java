package dev.scimctl;

import java.util.List;

/**
 * The exit codes every command shares. They are a documented interface: scripts branch on them, so a number never
 * changes meaning. {@link Meaning} is the one source of what each means: {@code scimctl help exit-codes}, the root's
 * help and every command's "Exit codes" list (from its {@code @ExitCodes}) are generated from it.
 *
 * <p>The codes stay {@code int} constants, which is what a command returns and what {@code @ExitCodes} takes.
 */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The work found problems: validation errors, failed rows, failed checks, a user or group not found. */
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

    /**
     * What a code means, three ways: {@code label}, one word, the same in every list ("problems", "usage", "auth" …);
     * {@code summary}, one line, for a command's list where it says nothing more particular; {@code description}, the
     * full meaning, for {@code scimctl help exit-codes}.
     */
    public record Meaning(int code, String label, String summary, String description) {
        /** Every documented code, in the order the lists show them. */
        public static final List<Meaning> ALL = List.of(
                new Meaning(OK, "success", "done",
                        "success (an empty result is not an error)"),
                new Meaning(PROBLEMS, "problems", "the work found problems",
                        "the work found problems: validation errors, failed rows, failed checks, a user or group that "
                                + "is not there, or a request the server refused as wrong (4xx other than 401/403)"),
                new Meaning(USAGE, "usage", "a wrong option or argument",
                        "usage error: a wrong option or argument, a missing URL or token"),
                new Meaning(INPUT, "input", "an input cannot be read",
                        "an input cannot be read: a missing file, a bad encoding, a broken config file, a CA file "
                                + "(--cacert, SSL_CERT_FILE) that is not PEM"),
                new Meaning(AUTH, "auth", "the token was refused (HTTP 401/403)",
                        "authentication or authorization refused (HTTP 401/403); NinjaOne tokens expire six months "
                                + "after they are generated"),
                new Meaning(UNREACHABLE, "unreachable", "the server cannot be reached (DNS, proxy, TLS, timeout)",
                        "the server cannot be reached: DNS, connect, a proxy that refuses, TLS (untrusted CA, wrong "
                                + "host name, expired certificate, no common protocol), timeout"),
                new Meaning(SERVER, "server", "the server misbehaved (5xx, not SCIM, a redirect away)",
                        "the server misbehaved: 5xx after retries, a response that is not SCIM, a redirect to another "
                                + "host"),
                new Meaning(INTERRUPTED, "interrupted", "Ctrl-C", "interrupted (Ctrl-C)"));

        /** The meaning of a documented code. */
        public static Meaning of(int code) {
            return ALL.stream().filter(m -> m.code == code).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("exit code " + code + " is not documented in "
                            + "ExitCode.Meaning"));
        }
    }
}
