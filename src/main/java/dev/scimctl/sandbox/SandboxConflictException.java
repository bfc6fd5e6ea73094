package dev.scimctl.sandbox;

/** A write that would break the store's uniqueness: a second user with the same userName, or a taken id. */
public final class SandboxConflictException extends RuntimeException {

    public SandboxConflictException(String message) {
        super(message);
    }
}
