package dev.scimctl.sandbox;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes the SDK's {@code /Schemas} and {@code /ResourceTypes} documents what RFC 7643 sections 6 and 7 print,
 * so that clients which validate discovery documents accept them:
 * <ul>
 * <li>only User and Group are resource types (the SDK also lists its own discovery endpoints, one of them with a
 * schema that {@code /Schemas} does not serve);</li>
 * <li>only the schemas those resource types name are served (User, Group, NinjaOne's extension);</li>
 * <li>the SDK's undeclared {@code urn:gold:…:ResourceTypeFeatures} extension is dropped;</li>
 * <li>{@code $ref} attributes of members and groups refer to {@code ["User", "Group"]} (RFC 7643 sections 4.1.2
 * and 4.2); attributes that the RFC types as strings but the SDK as references become strings again;</li>
 * <li>{@code canonicalValues} as the RFC gives them, and {@code technician}/{@code endUser} for NinjaOne's
 * {@code userType}.</li>
 * </ul>
 * The SDK keeps validating with its own schemas; only what clients read changes. Served as the library makes them
 * (with {@code --library-discovery}), the documents are left alone, for comparing the library with the RFC.
 */
final class DiscoveryDocuments {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final Set<String> RESOURCE_TYPES = Set.of("User", "Group");
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String SDK_EXTENSION_PREFIX = "urn:gold:";

    private final Set<String> schemas;
    private final boolean asTheLibraryMakesThem;

    /**
     * @param enterpriseExtension whether the User resource type declares RFC 7643's enterprise extension
     * @param asTheLibraryMakesThem whether to serve the library's documents unchanged (its own endpoints as resource
     *        types and its undeclared extension included)
     */
    DiscoveryDocuments(boolean enterpriseExtension, boolean asTheLibraryMakesThem) {
        this.schemas = enterpriseExtension
                ? Set.of(CORE_USER, CORE_GROUP, NinjaOneRules.EXTENSION_URN, ENTERPRISE_USER)
                : Set.of(CORE_USER, CORE_GROUP, NinjaOneRules.EXTENSION_URN);
        this.asTheLibraryMakesThem = asTheLibraryMakesThem;
    }

    /** Whether a resource type id or schema URN is one the sandbox serves. */
    boolean serves(String endpointName, String id) {
        if (asTheLibraryMakesThem) {
            return true; // the library answers 404 itself for what it does not know
        }
        return endpointName.equals("ResourceTypes") ? RESOURCE_TYPES.contains(id) : schemas.contains(id);
    }

    /**
     * Rewrites a successful GET answer of {@code /ResourceTypes} or {@code /Schemas} (a list or a single
     * document) in place.
     */
    void rewrite(String endpointName, ObjectNode document) {
        if (asTheLibraryMakesThem) {
            return;
        }
        JsonNode resources = document.get("Resources");
        if (resources instanceof ArrayNode list) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext();) {
                JsonNode item = it.next();
                if (!serves(endpointName, item.path("id").asText())) {
                    it.remove();
                } else {
                    rewriteOne(endpointName, (ObjectNode) item);
                }
            }
            document.put("totalResults", list.size());
            if (document.has("itemsPerPage")) {
                document.put("itemsPerPage", list.size());
            }
        } else {
            rewriteOne(endpointName, document);
        }
    }

    private static void rewriteOne(String endpointName, ObjectNode document) {
        dropSdkExtensions(document);
        if (endpointName.equals("Schemas")) {
            String id = document.path("id").asText();
            fixAttributes(id, "", document.path("attributes"));
        }
    }

    private static void dropSdkExtensions(ObjectNode document) {
        document.properties().removeIf(field -> field.getKey().startsWith(SDK_EXTENSION_PREFIX));
        JsonNode schemas = document.get("schemas");
        if (schemas instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
                if (it.next().asText().startsWith(SDK_EXTENSION_PREFIX)) {
                    it.remove();
                }
            }
        }
        JsonNode extensions = document.get("schemaExtensions");
        if (extensions instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
                if (it.next().path("schema").asText().startsWith(SDK_EXTENSION_PREFIX)) {
                    it.remove();
                }
            }
            if (array.isEmpty()) {
                document.remove("schemaExtensions");
            }
        }
    }

    private static void fixAttributes(String schemaId, String parent, JsonNode attributes) {
        for (JsonNode node : attributes) {
            ObjectNode attribute = (ObjectNode) node;
            String path = parent + attribute.path("name").asText();
            fix(schemaId, path, attribute);
            fixAttributes(schemaId, path + ".", attribute.path("subAttributes"));
        }
    }

    /** The corrections, by schema and attribute path (RFC 7643 section 8.7.1 is the reference). */
    private static void fix(String schemaId, String path, ObjectNode attribute) {
        switch (schemaId + "#" + path) {
            case CORE_USER + "#groups.$ref", CORE_GROUP + "#members.$ref" ->
                    attribute.putArray("referenceTypes").add("User").add("Group");
            case CORE_GROUP + "#members.type" -> attribute.putArray("canonicalValues").add("User").add("Group");
            case CORE_USER + "#groups.type" -> attribute.putArray("canonicalValues").add("direct").add("indirect");
            case NinjaOneRules.EXTENSION_URN + "#userType" ->
                    attribute.putArray("canonicalValues").add("technician").add("endUser");
            case CORE_USER + "#entitlements.display", CORE_USER + "#roles.display",
                    CORE_USER + "#x509Certificates.display" -> {
                attribute.put("type", "string");
                attribute.remove("referenceTypes");
            }
            case CORE_USER + "#x509Certificates.value" -> attribute.put("type", "binary");
            default -> {
            }
        }
    }
}
