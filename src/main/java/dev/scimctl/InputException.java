package dev.scimctl;

/**
 * An input that cannot be read or understood: a missing file, a broken encoding, a config file with a syntax error.
 * The message is the whole story for the user (what, where, what to do); it maps to {@link ExitCode#INPUT}.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
