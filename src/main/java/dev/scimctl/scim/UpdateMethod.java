package dev.scimctl.scim;

/** How a change reaches the server, for the words a command shows before it acts. */
public enum UpdateMethod {
    /** The server says it supports PATCH. */
    PATCH,
    /** The server does not say: PATCH, and PUT if it refuses as unsupported. */
    PATCH_THEN_PUT,
    /** No PATCH; a PUT carrying If-Match, so that a change made meanwhile is not overwritten. */
    PUT_WITH_IF_MATCH,
    /** Neither PATCH nor ETags: a plain PUT of the resource as just read. */
    PUT
}
