package dev.scimctl.scim;

/**
 * Everything the SCIM client core can fail with. Unchecked, so that lazy streams of resources can fail mid-way.
 * Messages are complete sentences for a person, and never hold a token.
 */
public abstract class ScimException extends RuntimeException {
    protected ScimException(String message, Throwable cause) {
        super(message, cause);
    }
}
