package dev.scimctl.sandbox;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings a PATCH request to the form the SDK handles as RFC 7644 section 3.5.2 means it, before the SDK sees it:
 * <ul>
 * <li>a value for NinjaOne's extension may carry {@code schemas} (the SDK calls that an unknown attribute);</li>
 * <li>a value of the wrong shape for the extension or one of its attributes is {@code invalidValue} (the SDK
 * answers a generic 400, or drops a non-object extension without a word);</li>
 * <li>a {@code remove} without a filter of an attribute that has no value is done already (the SDK answers
 * {@code noTarget}, which RFC 7644 keeps for a filter that matches nothing).</li>
 * <li>a path to a read-only attribute is {@code mutability} (the SDK answers 200 and ignores it).</li>
 * <li>a {@code remove} of an attribute the resource type does not define is {@code invalidPath} (the SDK took it
 * for a remove of nothing and answered 200).</li>
 * </ul>
 */
final class PatchRequests {

    private static final String EXTENSION = NinjaOneRules.EXTENSION_URN;
    private static final String CORE_PREFIX = "urn:ietf:params:scim:schemas:core:2.0:";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** A PATCH refused before the SDK sees it, with the {@code scimType} of the refusal. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String scimType;

        Refused(String detail) {
            this("invalidValue", detail);
        }

        Refused(String scimType, String detail) {
            super(detail, null, false, false);
            this.scimType = scimType;
        }

        String scimType() {
            return scimType;
        }
    }

    /** {@code members[value eq "…"]}: a multi-valued attribute, one sub-attribute, one literal (no escapes). */
    private static final Pattern SIMPLE_VALUE_FILTER = Pattern.compile(
            "([A-Za-z][\\w$-]*)\\[\\s*([A-Za-z][\\w$-]*)\\s+(?i:eq)\\s+\"([^\"\\\\]*)\"\\s*\\]");

    /**
     * The request as the SDK should get it.
     *
     * @param body the PATCH body to pass on
     * @param nothingToDo every operation was a remove of a value that is not there: answer with the resource
     */
    record Prepared(String body, boolean nothingToDo) {
    }

    private PatchRequests() {
    }

    /**
     * @param body the PATCH request body (left as it is if it does not parse: the SDK answers that)
     * @param current the resource as stored, or null if there is none (the SDK answers 404)
     * @param defined whether an attribute path without value filters ({@code name.givenName},
     *        {@code urn:…:User:userType}) names an attribute of the resource type
     * @throws Refused if a value has the wrong shape, or a remove names no attribute
     */
    static Prepared prepare(String body, JsonNode current, Predicate<String> defined) {
        JsonNode request;
        try {
            request = SandboxJson.MAPPER.readTree(body);
        } catch (JsonProcessingException unparseable) {
            return new Prepared(body, false);
        }
        if (request == null || !(request.get("Operations") instanceof ArrayNode operations) || operations.isEmpty()) {
            return new Prepared(body, false);
        }
        boolean changed = false;
        for (Iterator<JsonNode> it = operations.elements(); it.hasNext();) {
            if (!(it.next() instanceof ObjectNode operation)) {
                continue;
            }
            String op = operation.path("op").asText().toLowerCase(Locale.ROOT);
            JsonNode path = operation.get("path");
            String target = path != null && path.isTextual() ? path.textValue().strip() : null;
            if (target != null && current != null && readOnly(target, current.has("userName"))) {
                // RFC 7644 section 3.5.2: an operation incompatible with the attribute's mutability is an error; the
                // SDK answered 200 and left the attribute as it was, so a client never learnt its change was lost.
                throw new Refused("mutability", target + " is read-only (RFC 7643): the server sets it and a PATCH"
                        + " cannot " + op + " it");
            }
            if (op.equals("remove")) {
                if (target != null && current != null && !defined.test(withoutFilters(target))) {
                    // RFC 7644 sections 3.5.2.2 and 3.12: a path naming no attribute is invalidPath. Dropped as a
                    // remove of nothing, it was answered 200, and a client never learnt that its path was wrong.
                    throw new Refused("invalidPath", target + " names no attribute of this resource type (see"
                            + " /Schemas); nothing was removed");
                }
                if (target != null && current != null && !target.contains("[") && !hasValue(current, target)) {
                    it.remove();
                    changed = true;
                } else if (target != null && current != null && matchesNothing(current, target)) {
                    // RFC 7644 section 3.12: noTarget is for a path whose filter yields no match (the library says 200).
                    throw new Refused("noTarget", "no value matches " + target + "; nothing was removed");
                }
            } else if (op.equals("add") || op.equals("replace")) {
                changed |= checkValue(target, operation.get("value"));
            }
        }
        if (operations.isEmpty()) {
            return new Prepared(body, true);
        }
        return new Prepared(changed ? request.toString() : body, false);
    }

    /**
     * Why a PATCH body's {@code schemas} is not exactly the PatchOp URI, or null (also null for a body that does not
     * parse or is no object: the SDK answers that). RFC 7644 section 3.5.2 requires it; the SDK checked only that
     * {@code schemas} was there, so a client that sent another schema was served here and refused by a stricter
     * server, and a string instead of a list made the SDK fail with 500.
     */
    static String schemasProblem(String body) {
        JsonNode request;
        try {
            request = SandboxJson.MAPPER.readTree(body);
        } catch (JsonProcessingException unparseable) {
            return null;
        }
        if (!(request instanceof ObjectNode object)) {
            return null;
        }
        JsonNode schemas = object.get("schemas");
        if (schemas instanceof ArrayNode list && list.size() == 1 && list.get(0).isTextual()
                && list.get(0).textValue().equalsIgnoreCase(PATCH_OP)) {
            return null;
        }
        return "schemas " + (schemas == null ? "is missing" : schemas + " is not [\"" + PATCH_OP + "\"]")
                + ": RFC 7644 section 3.5.2 requires a PATCH body to carry \"schemas\": [\"" + PATCH_OP + "\"]";
    }

    /**
     * Whether a path names one of RFC 7643's read-only attributes: {@code id} and {@code meta} (or a sub-attribute of
     * it) of any resource, and a user's {@code groups}, which change only through the groups' members.
     */
    static boolean readOnly(String path, boolean user) {
        String rest = path;
        if (rest.regionMatches(true, 0, CORE_PREFIX, 0, CORE_PREFIX.length())) {
            int colon = rest.indexOf(':', CORE_PREFIX.length());
            rest = colon < 0 ? "" : rest.substring(colon + 1);
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
            end++;
        }
        String attribute = rest.substring(0, end).strip();
        return attribute.equalsIgnoreCase("id") || attribute.equalsIgnoreCase("meta")
                || user && attribute.equalsIgnoreCase("groups");
    }

    /** Checks the shape of a value given for the extension; drops {@code schemas} from it. Whether it changed. */
    private static boolean checkValue(String target, JsonNode value) {
        if (target == null) {
            if (!(value instanceof ObjectNode object)) {
                return false; // the SDK refuses a path-less value that is not an object
            }
            boolean changed = false;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String key = field.getKey();
                if (key.equalsIgnoreCase(EXTENSION)) {
                    changed |= checkExtensionObject(field.getValue());
                } else if (isExtensionAttribute(key)) {
                    checkExtensionAttribute(key, field.getValue());
                }
            }
            return changed;
        }
        if (target.equalsIgnoreCase(EXTENSION)) {
            return checkExtensionObject(value);
        }
        if (isExtensionAttribute(target)) {
            checkExtensionAttribute(target, value);
        }
        return false;
    }

    private static boolean checkExtensionObject(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            throw new Refused("the value of " + EXTENSION + " must be an object, e.g. {\"userType\": \"technician\"},"
                    + " not " + value);
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getKey().equalsIgnoreCase("schemas")) {
                checkExtensionAttribute(EXTENSION + ":" + field.getKey(), field.getValue());
            }
        }
        return object.properties().removeIf(field -> field.getKey().equalsIgnoreCase("schemas"));
    }

    private static void checkExtensionAttribute(String name, JsonNode value) {
        boolean scalar = value == null || value.isValueNode()
                || value.isArray() && value.size() == 1 && value.get(0).isValueNode();
        if (!scalar) {
            throw new Refused(name + " takes a single string, not " + value);
        }
    }

    private static boolean isExtensionAttribute(String name) {
        return name.regionMatches(true, 0, EXTENSION + ":", 0, EXTENSION.length() + 1);
    }

    /**
     * Whether a path of the simple value-filter form names no value of the resource. Other filter forms are left to
     * the library.
     */
    static boolean matchesNothing(JsonNode resource, String path) {
        Matcher m = SIMPLE_VALUE_FILTER.matcher(path);
        if (!m.matches()) {
            return false;
        }
        JsonNode attribute = field(resource, m.group(1));
        if (attribute == null) {
            return true; // no value at all: the filter cannot match
        }
        if (!(attribute instanceof ArrayNode values)) {
            return false; // not multi-valued: left to the library
        }
        for (JsonNode value : values) {
            JsonNode sub = field(value, m.group(2));
            if (sub != null && sub.isValueNode() && (m.group(2).equalsIgnoreCase("value")
                    ? sub.asText().equals(m.group(3)) : sub.asText().equalsIgnoreCase(m.group(3)))) {
                return false;
            }
        }
        return true;
    }

    /** A path with its value filters left out: {@code emails[type eq "work"].value} becomes {@code emails.value}. */
    static String withoutFilters(String path) {
        StringBuilder plain = new StringBuilder(path.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (depth > 0) {
                if (quoted && c == '\\') {
                    i++; // an escaped character inside a string literal
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '[') {
                    depth++;
                } else if (!quoted && c == ']') {
                    depth--;
                }
            } else if (c == '[') {
                depth = 1;
            } else {
                plain.append(c);
            }
        }
        return plain.toString().strip();
    }

    /** Whether a filterless path ({@code name.givenName}, {@code urn:…:User:userType}, {@code members}) has a value. */
    static boolean hasValue(JsonNode resource, String path) {
        JsonNode node = resource;
        String rest = path;
        if (rest.regionMatches(true, 0, EXTENSION, 0, EXTENSION.length())) {
            node = field(resource, EXTENSION);
            rest = rest.length() == EXTENSION.length() ? "" : rest.substring(EXTENSION.length() + 1);
        } else if (rest.regionMatches(true, 0, CORE_PREFIX, 0, CORE_PREFIX.length())) {
            int colon = rest.indexOf(':', CORE_PREFIX.length());
            rest = colon < 0 ? "" : rest.substring(colon + 1);
        }
        if (!rest.isEmpty()) {
            for (String name : rest.split("\\.")) {
                node = node instanceof ArrayNode array ? firstWith(array, name) : field(node, name);
            }
        }
        return node != null && !node.isNull() && !(node.isContainerNode() && node.isEmpty());
    }

    /** An attribute of an object, its name matched ignoring case as SCIM's are. */
    private static JsonNode field(JsonNode node, String name) {
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** For {@code emails.value}: the sub-attribute of the first value that has it. */
    private static JsonNode firstWith(ArrayNode values, String name) {
        for (JsonNode value : values) {
            JsonNode found = field(value, name);
            if (found != null && !found.isNull()) {
                return found;
            }
        }
        return null;
    }
}
