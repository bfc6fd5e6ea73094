package dev.scimctl;

/** The command was asked for something it cannot do as given: a missing URL, an unknown profile. Exit code 2. */
public class UsageException extends RuntimeException {
    private final transient Setting.Message worded;

    public UsageException(String message) {
        super(message);
        this.worded = null;
    }

    /** A message that names settings, worded by whoever shows it ({@link #message(Setting.Names)}). */
    public UsageException(Setting.Message message) {
        super(message.in(Setting.Names.PLAIN));
        this.worded = message;
    }

    /** The message with each setting it names in {@code names}' words (on the command line: the option). */
    public String message(Setting.Names names) {
        return worded == null ? getMessage() : worded.in(names);
    }
}
