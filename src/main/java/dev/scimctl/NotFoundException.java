package dev.scimctl;

/**
 * What the command was asked about does not exist on the server (a user, a group). Not a fault of the server or of
 * the command line: it maps to {@link ExitCode#PROBLEMS}, and the message is the whole story (what, where, what to do).
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
