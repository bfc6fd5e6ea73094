package dev.scimctl;

/**
 * An input that cannot be read or understood: a missing file, a broken encoding, a config file with a syntax error.
 * The message is the whole story for the user (what, where, what to do); it maps to {@link ExitCode#INPUT}.
 */
public class InputException extends RuntimeException {
    private final transient Setting.Message worded;

    public InputException(String message) {
        super(message);
        this.worded = null;
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.worded = null;
    }

    /** A message that names settings, worded by whoever shows it ({@link #message(Setting.Names)}). */
    public InputException(Setting.Message message) {
        super(message.in(Setting.Names.PLAIN));
        this.worded = message;
    }

    public InputException(Setting.Message message, Throwable cause) {
        super(message.in(Setting.Names.PLAIN), cause);
        this.worded = message;
    }

    /** The message with each setting it names in {@code names}' words (on the command line: the option). */
    public String message(Setting.Names names) {
        return worded == null ? getMessage() : worded.in(names);
    }
}
