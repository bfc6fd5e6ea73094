package dev.scimctl.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** SCIM users as JSON for seeding a test server: {@code Users.user("a@x").type("technician").inactive().json()}. */
public final class Users {
    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    private Users(String userName) {
        json.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        json.put("userName", userName);
        json.putObject("name").put("givenName", "Given").put("familyName", "Family");
        json.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        json.put("active", true);
    }

    public static Users user(String userName) {
        return new Users(userName);
    }

    public Users name(String given, String family) {
        json.putObject("name").put("givenName", given).put("familyName", family);
        return this;
    }

    public Users inactive() {
        json.put("active", false);
        return this;
    }

    /** NinjaOne's userType; null leaves it out. */
    public Users type(String userType) {
        if (userType != null) {
            extension().put("userType", userType);
        }
        return this;
    }

    public Users organization(String organizationId) {
        extension().put("organizationId", organizationId);
        return this;
    }

    public ObjectNode json() {
        return json;
    }

    private ObjectNode extension() {
        return json.has("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User")
                ? (ObjectNode) json.get("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User")
                : json.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User");
    }
}
