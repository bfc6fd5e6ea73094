package dev.scimctl.scim;

import java.net.URI;
import java.net.http.HttpHeaders;

/** What the server answered to a {@link RawRequest}, whatever the status. */
public record RawResponse(String method, URI uri, String protocol, int status, HttpHeaders headers, byte[] body) {
    /** The status line's reason phrase (HTTP/2 and many servers send none). */
    public String reason() {
        return HttpStatus.reason(status);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** Whether the body is JSON by its content type. */
    public boolean isJson() {
        return ResponseReader.isJson(contentType());
    }

    /**
     * The response read as every other command reads one: a 2xx SCIM body, or a {@link ScimException} (the status,
     * the server's scimType and detail) that exit codes are mapped from.
     */
    public ScimResponse checked() {
        return ResponseReader.interpret(method, uri, status, headers, body);
    }
}
