package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;

import java.util.Optional;

/** The checks of a new group name, shared by {@code groups create} and {@code groups rename}. */
final class GroupNames {
    private GroupNames() {
    }

    /**
     * Refuses, before any request, a name that is empty or has spaces at either end: the mapping file refuses such a
     * name (it would match no group), so the group could never be given roles.
     */
    static void requireUsable(String name) {
        if (name.isBlank()) {
            throw new UsageException("the group name is empty: give the new group's name");
        }
        if (!name.equals(name.strip())) {
            throw new UsageException("the group name \"" + name + "\" has spaces at its start or end, which no group "
                    + "mapping can name: give \"" + name.strip() + "\"");
        }
    }

    /**
     * Whether no other group has this name (ignoring case); if one has, says so on stderr.
     *
     * @param self the id of the group being renamed (it may take its own name in another case), or null
     */
    static boolean free(CommandContext context, Groups groups, String name, String self, ScimClient client) {
        Optional<JsonNode> taken = groups.findByDisplayName(name);
        if (taken.isEmpty() || taken.get().path("id").asText().equals(self)) {
            return true;
        }
        context.error("a group named '"
                + taken.get().path("displayName").asText() + "' exists already on " + client.baseUrl() + " (id "
                + taken.get().path("id").asText() + "); choose another name: two groups of one name cannot be told "
                + "apart in NinjaOne's group mapping");
        return false;
    }
}
