package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.output.Column;
import dev.scimctl.output.FieldSet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of a group in {@code groups list}, and the SCIM attribute each needs from the server. */
final class GroupFields {
    static final FieldSet<JsonNode> FIELDS = new FieldSet<JsonNode>()
            .add("displayName", "the group's name, as Duo pushes it", true, g -> g.path("displayName"))
            .add("id", "the server's id", true, g -> g.path("id"))
            .add("members", "how many members it has", true, g -> g.path("members").size())
            .add("externalId", "the IdP's id", false, g -> g.path("externalId"))
            .add("created", "meta.created", false, g -> g.path("meta").path("created"))
            .add("lastModified", "meta.lastModified", false, g -> g.path("meta").path("lastModified"));

    private static final Map<String, String> ATTRIBUTE = Map.of(
            "displayName", "displayName", "members", "members", "externalId", "externalId",
            "created", "meta", "lastModified", "meta");

    private GroupFields() {
    }

    /** The attributes to ask for: only those the fields show, so that member lists are sent only when counted. */
    static List<String> attributes(List<Column<JsonNode>> fields) {
        Set<String> attributes = new LinkedHashSet<>();
        for (Column<JsonNode> f : fields) {
            String a = ATTRIBUTE.get(f.name());
            if (a != null) {
                attributes.add(a);
            }
        }
        if (attributes.isEmpty()) {
            attributes.add("displayName"); // id alone: "id" is always returned, but an empty list means "everything"
        }
        return List.copyOf(attributes);
    }
}
