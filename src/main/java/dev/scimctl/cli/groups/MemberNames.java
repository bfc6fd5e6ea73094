package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.Users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names for a group's members: the {@code display} the server sent, else the user's userName (or the nested group's
 * displayName) looked up. Users are looked up in a few filtered listings ({@code id eq "a" or id eq "b" …}); where the
 * server cannot filter, one GET per member.
 */
final class MemberNames {
    /** Ids per filtered listing: keeps the URL well under the 8 KiB many servers accept. */
    private static final int IDS_PER_LISTING = 40;

    private final ScimClient client;
    private final Users users;
    private final Groups groups;

    MemberNames(ScimClient client) {
        this.client = client;
        this.users = new Users(client);
        this.groups = new Groups(client);
    }

    /** Member id to name, for every member; a member that cannot be found is missing from the map. */
    Map<String, String> of(JsonNode members) {
        Map<String, String> names = new HashMap<>();
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (JsonNode m : members) {
            String id = m.path("value").asText();
            String display = m.path("display").asText("");
            if (!display.isEmpty()) {
                names.put(id, display);
            } else if ("Group".equalsIgnoreCase(m.path("type").asText())) {
                groups.add(id);
            } else {
                users.add(id);
            }
        }
        if (!users.isEmpty()) {
            if (canFilter()) {
                lookUpByListing(users, names);
            }
            for (String id : users) {
                if (!names.containsKey(id)) {
                    this.users.findById(id).ifPresent(u -> names.put(id, u.path("userName").asText()));
                }
            }
        }
        for (String id : groups) {
            this.groups.findById(id).ifPresent(g -> names.put(id, g.path("displayName").asText()));
        }
        return names;
    }

    private boolean canFilter() {
        return client.filterSupported();
    }

    private void lookUpByListing(List<String> ids, Map<String, String> names) {
        for (int from = 0; from < ids.size(); from += IDS_PER_LISTING) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LISTING));
            Filter anyOf = Filter.raw(chunk.stream().map(id -> Filter.eq("id", id).expression())
                    .collect(Collectors.joining(" or ")));
            ListQuery q = ListQuery.all().withFilter(anyOf).withAttributes(List.of("userName"))
                    .withPageSize(chunk.size()).withLimit(chunk.size()); // at most one each: no page past it
            try (Stream<JsonNode> found = users.list(q)) {
                found.forEach(u -> names.put(u.path("id").asText(), u.path("userName").asText()));
            } catch (ScimErrorException e) {
                if (!e.isRefusedFilter()) {
                    throw e;
                }
                return; // the server refused the filter: the caller GETs each member instead
            }
        }
    }
}
