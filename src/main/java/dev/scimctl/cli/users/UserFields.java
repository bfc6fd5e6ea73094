package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.output.FieldSet;
import dev.scimctl.scim.ScimJson;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a user, read from the resource as the server sent it. The defaults are what an administrator
 * checks, and, as CSV, the columns {@code validate} and {@code import} read (userName is the e-mail, givenName and
 * familyName the first and last name).
 */
final class UserFields {
    static final FieldSet<JsonNode> FIELDS = new FieldSet<JsonNode>()
            .add("userName", "the login, in NinjaOne the e-mail address", true, u -> u.path("userName"))
            .add("givenName", "name.givenName", true, u -> u.path("name").path("givenName"))
            .add("familyName", "name.familyName", true, u -> u.path("name").path("familyName"))
            .add("userType", "NinjaOne's extension: technician or endUser (missing: an end user)", true,
                    u -> extension(u).path("userType"))
            .add("organizationId", "NinjaOne's extension: the organization of an end user (All or missing: every one)",
                    true, u -> extension(u).path("organizationId"))
            .add("active", "false once the user was removed at the IdP", true, u -> u.path("active"))
            .add("id", "the server's id", true, u -> u.path("id"))
            .add("externalId", "the IdP's id", false, u -> u.path("externalId"))
            .add("displayName", "displayName", false, u -> u.path("displayName"))
            .add("email", "the primary e-mail (else the first)", false, UserFields::email)
            .add("groups", "the groups, by display name, separated by '; '", false, UserFields::groups)
            .add("created", "meta.created", false, u -> u.path("meta").path("created"))
            .add("lastModified", "meta.lastModified", false, u -> u.path("meta").path("lastModified"));

    private UserFields() {
    }

    static JsonNode extension(JsonNode user) {
        return user.path(ScimJson.NINJAONE_USER);
    }

    private static JsonNode email(JsonNode user) {
        JsonNode emails = user.path("emails");
        for (JsonNode e : emails) {
            if (e.path("primary").asBoolean(false)) {
                return e.path("value");
            }
        }
        return emails.path(0).path("value");
    }

    private static String groups(JsonNode user) {
        List<String> names = new ArrayList<>();
        for (JsonNode g : user.path("groups")) {
            names.add(g.hasNonNull("display") ? g.get("display").asText() : g.path("value").asText());
        }
        return names.isEmpty() ? null : String.join("; ", names);
    }
}
