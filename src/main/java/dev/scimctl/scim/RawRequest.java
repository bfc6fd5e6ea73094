package dev.scimctl.scim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request as a person wrote it, for {@code scimctl api}: any method, a path below the base URL with its own query,
 * extra headers, and the body's bytes as given (JSON or not).
 *
 * @param method     the HTTP method, upper case
 * @param target     a path below the base URL, with an optional query ({@code Users?filter=…})
 * @param headers    extra headers; never Authorization (the client sends the token) nor what HTTP itself manages
 * @param body       the body, or null
 * @param repeatable whether the request may be sent again after a 5xx or a dropped connection
 */
public record RawRequest(String method, String target, Map<String, String> headers, byte[] body, boolean repeatable) {
    /** Headers the caller may not set: the token's, the proxy's, and those the HTTP client itself writes. */
    public static final Set<String> RESERVED_HEADERS = Set.of("authorization", "proxy-authorization", "connection",
            "content-length", "expect", "host", "upgrade", "te", "transfer-encoding");

    public RawRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
        for (String name : headers.keySet()) {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the header " + name + " cannot be set on a request");
            }
        }
    }

    /** GET, HEAD, PUT, DELETE and OPTIONS may be repeated; POST and PATCH may have acted. */
    public static boolean idempotent(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }
}
