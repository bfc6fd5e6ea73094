package dev.scimctl.sandbox;

import java.time.Duration;

/**
 * One request the sandbox answered, for a request log. It holds the path without the query string and never any
 * header, so it cannot leak the token.
 */
public record SandboxRequest(String method, String path, int status, Duration elapsed) {
}
