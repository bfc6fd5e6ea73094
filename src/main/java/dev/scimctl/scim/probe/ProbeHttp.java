package dev.scimctl.scim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimctl.scim.RawRequest;
import dev.scimctl.scim.RawResponse;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimJson;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The probe's requests: raw, so that a refusal is an answer to record rather than an exception. */
final class ProbeHttp {
    /** A status and its JSON body (missing when none or not JSON). */
    record Answer(int status, JsonNode body, RawResponse raw) {
        /** A 2xx that is not a SCIM Error document sent with it: every other command refuses that (exit 6). */
        boolean ok() {
            return status >= 200 && status < 300 && !errorDocument();
        }

        private boolean errorDocument() {
            for (JsonNode s : body.path("schemas")) {
                if (ScimJson.ERROR.equals(s.asText())) {
                    return true;
                }
            }
            return false;
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String describe() {
            String type = body.path("scimType").asText("");
            String said = status + (type.isEmpty() ? "" : " " + type);
            return status < 300 && errorDocument()
                    ? said + " with an Error document (its status field says " + body.path("status").asText("?") + ")"
                    : said;
        }
    }

    private final ScimClient client;

    ProbeHttp(ScimClient client) {
        this.client = client;
    }

    Answer get(String target) {
        return send("GET", target, null, Map.of());
    }

    /** Synchronized: one request at a time, so that an interrupt's clean-up can stop the probe between two. */
    synchronized Answer send(String method, String target, JsonNode body, Map<String, String> headers) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (bytes != null) {
            h.putIfAbsent("Content-Type", ScimJson.MEDIA_TYPE);
        }
        RawResponse r = client.exchange(new RawRequest(method, target, h, bytes, RawRequest.idempotent(method)));
        JsonNode json = MissingNode.getInstance();
        if (r.body().length > 0) {
            try {
                JsonNode parsed = ScimJson.mapper().readTree(r.body());
                json = parsed == null ? json : parsed;
            } catch (IOException e) {
                // not JSON: the status says enough
            }
        }
        return new Answer(r.status(), json, r);
    }

    /** {@code Users?filter=…&count=…}, each value encoded. */
    static String query(String path, String... keyValues) {
        StringBuilder b = new StringBuilder(path);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            b.append(i == 0 ? '?' : '&').append(keyValues[i]).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    /** A filter literal: a JSON string, quotes and backslashes escaped. */
    static String literal(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An id as one path segment. */
    static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
