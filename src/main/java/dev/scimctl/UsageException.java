package dev.scimctl;

/** The command was asked for something it cannot do as given: a missing URL, an unknown profile. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
