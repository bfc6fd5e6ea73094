package dev.scimctl.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The values NinjaOne accepts in its user extension, as the sandbox enforces them. Each check returns the
 * reason a value is refused, or empty when it is accepted.
 */
final class NinjaOneRules {

    static final String EXTENSION_URN = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    static final String USER_TYPE = "userType";
    static final String ORGANIZATION_ID = "organizationId";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private NinjaOneRules() {
    }

    /** Checks the extension object of a user (null when the user has none). */
    static Optional<String> check(JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return Optional.empty();
        }
        if (!extension.isObject()) {
            return Optional.of(EXTENSION_URN + " must be an object");
        }
        Optional<String> userType = checkUserType(extension.get(USER_TYPE));
        return userType.isPresent() ? userType : checkOrganizationId(extension.get(ORGANIZATION_ID));
    }

    static Optional<String> checkUserType(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return Optional.of("userType must be a string, \"technician\" or \"endUser\", not " + node);
        }
        String value = node.textValue();
        // Blank is what an IdP sends for an unset custom attribute: NinjaOne treats it like a missing one.
        if (value.isBlank() || value.equalsIgnoreCase("technician") || value.equals("endUser")) {
            return Optional.empty();
        }
        String folded = value.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (value.equals("END_USER")) {
            return Optional.of("userType \"END_USER\" is the spelling of NinjaOne's public REST API, not of SCIM:"
                    + " use \"endUser\" (case-sensitive)");
        }
        if (folded.equals("enduser")) {
            return Optional.of("userType \"" + value + "\" is not valid: \"endUser\" is case-sensitive");
        }
        return Optional.of("userType \"" + value + "\" is not valid: use \"technician\" or \"endUser\"");
    }

    static Optional<String> checkOrganizationId(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            boolean positiveInt32 = node.canConvertToInt() && node.intValue() > 0;
            return positiveInt32 ? Optional.empty() : Optional.of(badOrganizationId(node.asText()));
        }
        if (!node.isTextual()) {
            return Optional.of(badOrganizationId(node.toString()));
        }
        String value = node.textValue();
        if (value.isEmpty() || value.equalsIgnoreCase("All")) {
            return Optional.empty();
        }
        if (DIGITS.matcher(value).matches()) {
            try {
                if (Integer.parseInt(value) > 0) {
                    return Optional.empty();
                }
            } catch (NumberFormatException tooBig) {
                // NinjaOne types organization ids as int32: anything larger cannot be one.
            }
        }
        return Optional.of(badOrganizationId(value));
    }

    /**
     * Turns JSON numbers (and other non-string scalars) given for organizationId into strings, wherever a request
     * puts them (in the extension object, as a fully qualified attribute, or as the value of a PATCH operation on
     * that path). NinjaOne's guides show the id as a number or a string; the schema types it as a string, and the
     * SDK would refuse a number with a generic error before the rules could judge the value.
     *
     * @return whether anything was changed
     */
    static boolean organizationIdNumbersToText(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            JsonNode path = object.get("path");
            JsonNode value = object.get("value");
            if (path != null && path.isTextual() && isOrganizationId(path.textValue()) && isScalarNotText(value)) {
                object.put("value", value.asText());
                changed = true;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isOrganizationId(field.getKey()) && isScalarNotText(field.getValue())) {
                    field.setValue(TextNode.valueOf(field.getValue().asText()));
                    changed = true;
                } else {
                    changed |= organizationIdNumbersToText(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                changed |= organizationIdNumbersToText(item);
            }
        }
        return changed;
    }

    private static boolean isScalarNotText(JsonNode value) {
        return value != null && value.isValueNode() && !value.isTextual() && !value.isNull();
    }

    private static boolean isOrganizationId(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("organizationid") || lower.endsWith(":organizationid");
    }

    private static String badOrganizationId(String value) {
        return "organizationId \"" + value + "\" is not valid: use \"All\" or the id of a NinjaOne organization"
                + " (a positive integer)";
    }
}
