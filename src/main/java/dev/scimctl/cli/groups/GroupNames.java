package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;

import java.util.Optional;

/** The check that a group name is not taken, shared by {@code groups create} and {@code groups rename}. */
final class GroupNames {
    private GroupNames() {
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
