package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpHeaders;

/** A successful (2xx) SCIM response: its parsed body (null when there was none) and headers. */
public record ScimResponse(URI uri, int status, HttpHeaders headers, JsonNode body) {
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
