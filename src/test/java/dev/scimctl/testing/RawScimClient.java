package dev.scimctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Plain HTTP calls to a SCIM server for tests that check the server itself, or the server's state after
 * scimctl acted on it. Not a SCIM client: no paging, retries or error mapping.
 */
public final class RawScimClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http;

    public RawScimClient(String baseUrl, String token) {
        this(baseUrl, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    public RawScimClient(String baseUrl, String token, HttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
    }

    /** A response: the status, the headers, the body as text, and the body as JSON (missing if it is not JSON). */
    public record Response(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    public Response put(String path, String json, Map<String, String> headers) {
        return send("PUT", path, json, headers);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    public Response patch(String path, String json, Map<String, String> headers) {
        return send("PATCH", path, json, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** URL-encodes a query parameter value (a filter, for instance). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends a request with {@code Authorization: Bearer <token>} and, with a body, {@code Content-Type:
     * application/scim+json}; the given headers are added or override these.
     */
    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.setHeader("Content-Type", "application/scim+json");
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }
}
