package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a response, and believes nothing it has not checked: a 2xx must carry SCIM JSON (an object, and not a SCIM
 * Error document), an error status a SCIM error. Anything that is not SCIM becomes a {@link ScimProtocolException}
 * (exit 6) that names what came back (content type, size, an HTML page's title), at any status, never a parser stack
 * trace.
 */
final class ResponseReader {
    private ResponseReader() {
    }

    static ScimResponse interpret(String method, HttpResponse<Body> response) {
        return interpret(method, response.uri(), response.statusCode(), response.headers(), response.body());
    }

    /** For {@code scimctl api}, which shows the answer before it is checked. */
    static ScimResponse interpret(String method, URI uri, int status, HttpHeaders headers, byte[] content) {
        return interpret(method, uri, status, headers, Body.of(content));
    }

    static ScimResponse interpret(String method, URI uri, int status, HttpHeaders headers, Body content) {
        Body body = content == null ? Body.EMPTY : content;
        String contentType = headers.firstValue("Content-Type").orElse("");
        if (status >= 200 && status < 300) {
            if (status == 204 || body.isEmpty()) {
                return new ScimResponse(uri, status, headers, null);
            }
            if (!isJson(contentType)) {
                throw new ScimProtocolException(uri, notScim(method, uri, status, contentType, body), null);
            }
            JsonNode node = parse(method, uri, status, contentType, body);
            if (isErrorDocument(node)) {
                throw errorAsSuccess(method, uri, status, node);
            }
            return new ScimResponse(uri, status, headers, node);
        }
        if (status >= 300 && status < 400) {
            throw new ScimProtocolException(uri, method + " " + uri + " answered " + status + " "
                    + HttpStatus.reason(status) + " without a usable Location: is the base URL right?", null);
        }
        boolean jsonBody = !body.isEmpty() && (isJson(contentType) || looksLikeJson(body));
        if (!body.isEmpty() && !jsonBody && status >= 400 && status < 500 && status != 401 && status != 403
                && status != 429) {
            // Not a SCIM server's answer (a login page, a web server's 404 page): the base URL does not lead to SCIM.
            throw new ScimProtocolException(uri, status, notScim(method, uri, status, contentType, body), null);
        }
        String retryAfter = status == 429 || status == 503
                ? headers.firstValue("Retry-After").orElse(null) : null;
        String realm = status == 401 ? realm(headers) : null;
        throw error(method, uri, status, contentType, body, jsonBody, retryAfter, realm);
    }

    /**
     * Reads a listing's page as it is checked, resource by resource ({@link ListShape#read}), instead of building the
     * whole document first. Everything but a 2xx with a JSON body is read and refused as {@link #interpret} does.
     */
    static Pager.Page interpretPage(HttpResponse<Body> response, String resource) {
        Body body = response.body() == null ? Body.EMPTY : response.body();
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status < 200 || status >= 300 || status == 204 || body.isEmpty() || !isJson(contentType)) {
            ScimResponse r = interpret("GET", response);
            throw new ScimProtocolException(r.uri(), "the server answered " + r.status()
                    + " with no body to a list request for " + resource, null);
        }
        try (InputStream in = body.stream()) {
            return ListShape.read(JsonTrees.parser(in), response.uri(), status, resource);
        } catch (IOException e) {
            throw new ScimProtocolException(response.uri(), "GET " + response.uri() + " answered " + status
                    + " with a body that is not valid JSON (" + contentType + ", " + body.length()
                    + " bytes; truncated?)", e);
        }
    }

    /** A 2xx whose body is a SCIM Error document: the server misbehaving, never a success. */
    static ScimProtocolException errorAsSuccess(String method, URI uri, int status, JsonNode node) {
        return new ScimProtocolException(uri, "the server answered an error with status " + status + " to "
                + method + " " + uri + describeError(node) + ": a SCIM server answers an error with its "
                + "error status; scimctl does not take this as success", null);
    }

    static boolean isErrorDocument(JsonNode node) {
        for (JsonNode s : node.path("schemas")) {
            if (ScimJson.ERROR.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String describeError(JsonNode node) {
        StringBuilder b = new StringBuilder();
        String status = text(node, "status");
        String detail = text(node, "detail");
        if (status != null) {
            b.append(" (its status field says ").append(status).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": \"").append(detail.strip()).append('"');
        }
        return b.toString();
    }

    private static ScimErrorException error(String method, URI uri, int status, String contentType,
                                            Body body, boolean jsonBody, String retryAfter, String realm) {
        String scimType = null;
        String detail = null;
        if (jsonBody) {
            try (InputStream in = body.stream()) {
                JsonNode node = JsonTrees.read(in);
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
        if (detail == null && !body.isEmpty()) {
            detail = "the body was " + describe(contentType, body) + ", not a SCIM error";
        }
        return new ScimErrorException(method, uri, status, scimType, detail, retryAfter, realm);
    }

    private static final Pattern REALM = Pattern.compile("(?i)\\brealm\\s*=\\s*(?:\"([^\"]*)\"|([^\\s,]+))");

    /** The realm of the first WWW-Authenticate challenge that names one (RFC 9110 11.6.1), or null. */
    static String realm(HttpHeaders headers) {
        for (String challenge : headers.allValues("WWW-Authenticate")) {
            Matcher m = REALM.matcher(challenge);
            if (m.find()) {
                return m.group(1) != null ? m.group(1) : m.group(2);
            }
        }
        return null;
    }

    private static JsonNode parse(String method, URI uri, int status, String contentType, Body body) {
        try (InputStream in = body.stream()) {
            JsonNode node = JsonTrees.read(in);
            if (node == null || !node.isObject()) {
                throw new ScimProtocolException(uri, method + " " + uri + " answered " + status
                        + " with JSON that is not a SCIM object (" + body.length() + " bytes)", null);
            }
            return node;
        } catch (IOException e) {
            throw new ScimProtocolException(uri, method + " " + uri + " answered " + status + " with a body that is not "
                    + "valid JSON (" + contentType + ", " + body.length() + " bytes; truncated?)", e);
        }
    }

    private static String notScim(String method, URI uri, int status, String contentType, Body body) {
        String what = describe(contentType, body);
        String hint = what.startsWith("an HTML page")
                ? ": is the base URL right, or is a login page or proxy in the way?"
                : ": is the base URL the SCIM endpoint?";
        return method + " " + uri + " answered " + status + " " + HttpStatus.reason(status) + " with " + what
                + " where SCIM JSON was expected" + hint;
    }

    /** A short description of a body for messages: its kind and size, and an HTML page's title. */
    static String describe(String contentType, Body body) {
        String ct = contentType.isBlank() ? "no content type" : contentType;
        byte[] head = body.head(2048);
        String start = new String(head, StandardCharsets.UTF_8);
        String lower = start.toLowerCase(Locale.ROOT);
        if (ct.toLowerCase(Locale.ROOT).contains("html") || lower.stripLeading().startsWith("<!doctype html")
                || lower.contains("<html")) {
            String title = "";
            int t = lower.indexOf("<title>");
            int end = lower.indexOf("</title>");
            if (t >= 0 && end > t) {
                title = " titled \"" + start.substring(t + 7, end).strip() + "\"";
            }
            return "an HTML page" + title + " (" + ct + ", " + body.length() + " bytes)";
        }
        return ct + ", " + body.length() + " bytes";
    }

    static boolean isJson(String contentType) {
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("application/scim+json") || ct.startsWith("application/json") || ct.contains("+json");
    }

    private static boolean looksLikeJson(Body body) {
        for (byte b : body.head(256)) {
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
