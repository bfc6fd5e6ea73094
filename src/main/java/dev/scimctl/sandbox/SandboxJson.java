package dev.scimctl.sandbox;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;

/** JSON plumbing between the SDK's node classes, the store's plain trees and the wire. */
final class SandboxJson {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxJson() {
    }

    /** A plain Jackson copy of an SDK resource (whose nodes are SDK subclasses with schema attached). */
    static ObjectNode plain(JsonNode resource) {
        try {
            return (ObjectNode) MAPPER.readTree(resource.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends ObjectNode> T toResource(ObjectNode stored, Class<T> type) {
        return JsonHelper.copyResourceToObject(stored, type);
    }

    /** Sets {@code schemas} to the given URNs, the core schema first. */
    static void withSchemas(ObjectNode resource, String... urns) {
        ArrayNode schemas = resource.putArray("schemas");
        for (String urn : urns) {
            schemas.add(urn);
        }
    }

    /** The request's SCIM base URL (absolute, as the client addressed the server), or null outside a request. */
    static String baseUri(Context context) {
        return context == null || context.getUriInfos() == null ? null : context.getUriInfos().getBaseUri();
    }

    /**
     * Sets {@code meta.location} (absolute; the SDK leaves it out of PATCH responses otherwise) and drops
     * {@code meta.version} when ETags are off.
     */
    static void finishMeta(ObjectNode resource, Context context, String endpointPath, boolean etag) {
        JsonNode meta = resource.get("meta");
        if (!(meta instanceof ObjectNode metaObject)) {
            return;
        }
        String baseUri = baseUri(context);
        if (baseUri != null) {
            metaObject.put("location", baseUri + endpointPath + resource.path("id").asText());
        }
        if (!etag) {
            metaObject.remove("version");
        }
    }

    /**
     * Puts a response into the shape clients expect: the core schema first in every {@code schemas} (the SDK puts
     * the extension first after a PATCH; the RFC's examples and every IdP put the core first), and a list
     * response always with {@code Resources}, if empty ({@code count=0}: the SDK leaves it out).
     */
    static void normaliseResponse(ObjectNode response) {
        coreSchemaFirst(response);
        JsonNode schemas = response.path("schemas");
        boolean list = schemas.isArray() && schemas.toString().contains(LIST_RESPONSE);
        if (list && !response.has("Resources")) {
            response.putArray("Resources");
        }
        for (JsonNode resource : response.path("Resources")) {
            if (resource instanceof ObjectNode object) {
                coreSchemaFirst(object);
            }
        }
    }

    private static void coreSchemaFirst(ObjectNode resource) {
        JsonNode schemas = resource.get("schemas");
        if (!(schemas instanceof ArrayNode array) || array.size() < 2) {
            return;
        }
        List<JsonNode> ordered = new ArrayList<>();
        array.forEach(ordered::add);
        // A stable sort: extensions after the rest, each group in its original order.
        ordered.sort(Comparator.comparing(urn -> urn.asText().contains(":extension:")));
        array.removeAll();
        array.addAll(ordered);
    }

    /**
     * An SDK's error as an RFC 7644 section 3.12 Error document: {@code schemas}, {@code status} as a string,
     * {@code scimType} where there is one, and {@code detail}. The SDK adds an {@code errors} member of its own, with
     * a message per attribute; no client reads it, and its messages beyond the first are put in the detail, so a
     * request with three wrong values learns of all three.
     */
    static ObjectNode plainError(ObjectNode sdkError) {
        Set<String> messages = new LinkedHashSet<>();
        String detail = sdkError.path("detail").asText("");
        if (!detail.isBlank()) {
            messages.add(detail);
        }
        JsonNode errors = sdkError.path("errors");
        errors.path("errorMessages").forEach(message -> messages.add(message.asText()));
        errors.path("fieldErrors").forEach(field -> field.forEach(message -> messages.add(message.asText())));
        String scimType = sdkError.path("scimType").asText("");
        return error(sdkError.path("status").asText(), scimType.isEmpty() ? null : scimType,
                String.join("; ", messages));
    }

    /** A SCIM error response body; {@code status} is a string, as RFC 7644 section 3.12 has it. */
    static String errorBody(int status, String scimType, String detail) {
        return error(String.valueOf(status), scimType, detail).toString();
    }

    /** RFC 7644 section 3.12's Error document: schemas, status, scimType where there is one (not null), detail. */
    private static ObjectNode error(String status, String scimType, String detail) {
        ObjectNode error = MAPPER.createObjectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", status);
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error;
    }
}
