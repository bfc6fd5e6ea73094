package dev.scimctl.scim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to the SCIM server, relative to the base URL.
 *
 * @param method     HTTP method
 * @param path       path below the base URL, e.g. {@code Users/123}
 * @param query      query parameters (encoded by the client)
 * @param body       a JSON-serialisable body or null
 * @param ifMatch    an ETag to send as If-Match, or null
 * @param repeatable whether the request may be sent again after a 5xx or a dropped connection. GET, PUT and DELETE
 *                   are; POST and PATCH only when the caller knows a repeat is harmless (e.g. it handles 409)
 */
public record ScimRequest(String method, String path, Map<String, String> query, Object body, String ifMatch,
                          boolean repeatable) {

    public ScimRequest {
        query = query == null ? Map.of() : new LinkedHashMap<>(query);
    }

    public static ScimRequest get(String path) {
        return new ScimRequest("GET", path, Map.of(), null, null, true);
    }

    public static ScimRequest get(String path, Map<String, String> query) {
        return new ScimRequest("GET", path, query, null, null, true);
    }

    public static ScimRequest post(String path, Object body) {
        return new ScimRequest("POST", path, Map.of(), body, null, false);
    }

    public static ScimRequest put(String path, Object body, String ifMatch) {
        return new ScimRequest("PUT", path, Map.of(), body, ifMatch, true);
    }

    public static ScimRequest patch(String path, Object body, String ifMatch) {
        return new ScimRequest("PATCH", path, Map.of(), body, ifMatch, false);
    }

    public static ScimRequest delete(String path) {
        return new ScimRequest("DELETE", path, Map.of(), null, null, true);
    }

    /** The same request, marked safe (or not) to send again. */
    public ScimRequest repeatable(boolean value) {
        return new ScimRequest(method, path, query, body, ifMatch, value);
    }
}
