package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a group named on the command line by id or display name. A UUID is tried as an id first; anything else as a
 * display name first (exactly, else ignoring case when only one group matches so), then as an id.
 */
final class GroupLookup {
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            + "[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final ScimClient client;

    GroupLookup(ScimClient client) {
        this.client = client;
    }

    Optional<JsonNode> find(String group) {
        boolean uuid = UUID_LIKE.matcher(group).matches();
        if (uuid) {
            Optional<JsonNode> byId = byId(group);
            if (byId.isPresent()) {
                return byId;
            }
        }
        Optional<JsonNode> byName = byDisplayName(group);
        if (byName.isPresent() || uuid) {
            return byName;
        }
        return byId(group);
    }

    private Optional<JsonNode> byId(String id) {
        try {
            return Optional.of(client.get("Groups", id));
        } catch (ScimErrorException e) {
            if (e.status() == 404 || e.status() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<JsonNode> byDisplayName(String name) {
        ListQuery q = ListQuery.all().withFilter(Filter.eq("displayName", name)).withPageSize(10).withLimit(10)
                .withAttributes(List.of("displayName"));
        List<JsonNode> found;
        try (Stream<JsonNode> groups = client.listFiltered("Groups", q, () -> {
        })) {
            found = groups.filter(g -> g.path("displayName").asText().equalsIgnoreCase(name)).toList();
        }
        Optional<JsonNode> exact = found.stream().filter(g -> g.path("displayName").asText().equals(name)).findFirst();
        Optional<JsonNode> match = exact.isPresent() || found.size() != 1 ? exact : Optional.of(found.get(0));
        return match.map(g -> client.get("Groups", g.path("id").asText()));
    }
}
