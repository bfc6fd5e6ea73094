package dev.scimctl.io;

/**
 * Another scimctl process holds the lock this one needs. The message names it (pid, host, start time) and says what
 * to do; it maps to exit code 1, as the work could not be done now but nothing is wrong with the input.
 */
public final class LockedException extends RuntimeException {
    public LockedException(String message) {
        super(message);
    }
}
