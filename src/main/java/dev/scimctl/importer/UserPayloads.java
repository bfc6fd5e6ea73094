package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.model.PatchOp;

import java.util.ArrayList;
import java.util.List;

/**
 * The request bodies of an import: the User to POST, the PATCH for a set of changes, and the full User to PUT where
 * PATCH is not served. The NinjaOne extension (and its schema URN) is only sent when the row has a value for it.
 */
public final class UserPayloads {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OrganizationIdType organizationIdType;

    public UserPayloads(OrganizationIdType organizationIdType) {
        this.organizationIdType = organizationIdType;
    }

    /** A new user: userName and the one primary work e-mail are the address; active; the extension if the row has one. */
    public ObjectNode create(ImportRow row) {
        ObjectNode user = JSON.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(ScimJson.CORE_USER);
        user.put("userName", row.userName());
        ObjectNode name = JSON.objectNode();
        putIfPresent(name, "givenName", row.givenName());
        putIfPresent(name, "familyName", row.familyName());
        if (!name.isEmpty()) {
            user.set("name", name);
        }
        user.set("emails", emails(row.userName()));
        user.put("active", true);
        ObjectNode extension = JSON.objectNode();
        putIfPresent(extension, "userType", row.userType());
        if (row.organizationId() != null && !row.organizationId().isEmpty()) {
            extension.set("organizationId", organizationId(row.organizationId()));
        }
        if (!extension.isEmpty()) {
            schemas.add(ScimJson.NINJAONE_USER);
            user.set(ScimJson.NINJAONE_USER, extension);
        }
        return user;
    }

    /** One {@code replace} per change, each on its attribute's path. */
    public PatchOp patch(List<Change> changes) {
        List<PatchOp.Operation> ops = new ArrayList<>(changes.size());
        for (Change c : changes) {
            ops.add(PatchOp.replace(c.attribute().path(), value(c)));
        }
        return PatchOp.of(ops.toArray(PatchOp.Operation[]::new));
    }

    /**
     * The server's user with the changes applied, for a PUT. Read-only parts (meta, groups) are left out: a server may
     * refuse them, and they are the server's to set.
     */
    public ObjectNode replace(ObjectNode current, List<Change> changes) {
        ObjectNode user = current.deepCopy();
        user.remove("meta");
        user.remove("groups");
        for (Change c : changes) {
            UserAttribute a = c.attribute();
            switch (a) {
                case GIVEN_NAME -> objectAt(user, "name").set("givenName", value(c));
                case FAMILY_NAME -> objectAt(user, "name").set("familyName", value(c));
                case EMAIL, ACTIVE -> user.set(a.path(), value(c));
                case USER_TYPE -> objectAt(user, ScimJson.NINJAONE_USER).set("userType", value(c));
                case ORGANIZATION_ID -> objectAt(user, ScimJson.NINJAONE_USER).set("organizationId", value(c));
            }
            if (a.inExtension()) {
                ArrayNode schemas = user.has("schemas") && user.get("schemas").isArray()
                        ? (ArrayNode) user.get("schemas") : user.putArray("schemas").add(ScimJson.CORE_USER);
                boolean listed = false;
                for (JsonNode s : schemas) {
                    listed |= ScimJson.NINJAONE_USER.equals(s.asText());
                }
                if (!listed) {
                    schemas.add(ScimJson.NINJAONE_USER);
                }
            }
        }
        return user;
    }

    /** The JSON value a change sets. */
    JsonNode value(Change c) {
        return switch (c.attribute()) {
            case EMAIL -> emails(c.to());
            case ACTIVE -> BooleanNode.valueOf(Boolean.parseBoolean(c.to()));
            case ORGANIZATION_ID -> organizationId(c.to());
            default -> TextNode.valueOf(c.to());
        };
    }

    /** "All" is a string on every server; an id is a number where the server's schema types it so. */
    JsonNode organizationId(String value) {
        if (organizationIdType == OrganizationIdType.INTEGER && !value.isEmpty()
                && value.chars().allMatch(Character::isDigit) && value.length() <= 18) {
            long n = Long.parseLong(value);
            return n <= Integer.MAX_VALUE ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
        }
        return TextNode.valueOf(value);
    }

    /** The one primary work e-mail NinjaOne users carry. */
    public static ArrayNode emails(String address) {
        ArrayNode emails = JSON.arrayNode();
        emails.addObject().put("value", address).put("type", "work").put("primary", true);
        return emails;
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
