package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a response: a 2xx SCIM body, or an error. Anything that is not SCIM JSON becomes a
 * {@link ScimProtocolException} that names what came back, never a parser stack trace.
 */
final class ResponseReader {
    private ResponseReader() {
    }

    static ScimResponse interpret(String method, HttpResponse<byte[]> response, ObjectMapper json) {
        return interpret(method, response.uri(), response.statusCode(), response.headers(), response.body(), json);
    }

    static ScimResponse interpret(String method, URI uri, int status, HttpHeaders headers, byte[] content,
                                  ObjectMapper json) {
        byte[] body = content == null ? new byte[0] : content;
        String contentType = headers.firstValue("Content-Type").orElse("");
        if (status >= 200 && status < 300) {
            if (status == 204 || body.length == 0) {
                return new ScimResponse(uri, status, headers, null);
            }
            if (!isJson(contentType)) {
                throw new ScimProtocolException(uri, notScim(method, uri, status, contentType, body), null);
            }
            return new ScimResponse(uri, status, headers, parse(json, method, uri, status, contentType, body));
        }
        if (status >= 300 && status < 400) {
            throw new ScimProtocolException(uri, method + " " + uri + " answered " + status + " "
                    + HttpStatus.reason(status) + " without a usable Location: is the base URL right?", null);
        }
        throw error(json, method, uri, status, contentType, body);
    }

    private static ScimErrorException error(ObjectMapper json, String method, URI uri, int status, String contentType,
                                            byte[] body) {
        String scimType = null;
        String detail = null;
        if (body.length > 0 && isJson(contentType) || looksLikeJson(body)) {
            try {
                JsonNode node = json.readTree(body);
                if (node != null && node.isObject()) {
                    scimType = text(node, "scimType");
                    detail = text(node, "detail");
                    if (detail == null) {
                        detail = text(node, "message");
                    }
                }
            } catch (IOException ignored) {
                // Not JSON after all: described below from the content type.
            }
        }
        if (detail == null && body.length > 0) {
            detail = "the body was " + describe(contentType, body) + ", not a SCIM error";
        }
        return new ScimErrorException(method, uri, status, scimType, detail);
    }

    private static JsonNode parse(ObjectMapper json, String method, URI uri, int status, String contentType, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ScimProtocolException(uri, method + " " + uri + " answered " + status
                        + " with JSON that is not a SCIM object (" + body.length + " bytes)", null);
            }
            return node;
        } catch (IOException e) {
            throw new ScimProtocolException(uri, method + " " + uri + " answered " + status + " with a body that is not "
                    + "valid JSON (" + contentType + ", " + body.length + " bytes; truncated?)", e);
        }
    }

    private static String notScim(String method, URI uri, int status, String contentType, byte[] body) {
        String what = describe(contentType, body);
        String hint = what.startsWith("an HTML page")
                ? ": is the base URL right, or is a login page or proxy in the way?"
                : ": is the base URL the SCIM endpoint?";
        return method + " " + uri + " answered " + status + " with " + what + " where SCIM JSON was expected" + hint;
    }

    /** A short description of a body for messages: its kind and size, and an HTML page's title. */
    static String describe(String contentType, byte[] body) {
        String ct = contentType.isBlank() ? "no content type" : contentType;
        String start = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        String lower = start.toLowerCase(Locale.ROOT);
        if (ct.toLowerCase(Locale.ROOT).contains("html") || lower.stripLeading().startsWith("<!doctype html")
                || lower.contains("<html")) {
            String title = "";
            int t = lower.indexOf("<title>");
            int end = lower.indexOf("</title>");
            if (t >= 0 && end > t) {
                title = " titled \"" + start.substring(t + 7, end).strip() + "\"";
            }
            return "an HTML page" + title + " (" + ct + ", " + body.length + " bytes)";
        }
        return ct + ", " + body.length + " bytes";
    }

    static boolean isJson(String contentType) {
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("application/scim+json") || ct.startsWith("application/json") || ct.contains("+json");
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
