package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.ScimClient;

/** DELETE /Users/{id}. NinjaOne keeps a deleted SCIM user as inactive; other servers remove it. */
final class Deletion implements UserChanges.Change {
    private final ScimClient client;

    Deletion(ScimClient client) {
        this.client = client;
    }

    @Override
    public String verb() {
        return "delete";
    }

    @Override
    public String done() {
        return "deleted";
    }

    @Override
    public String how() {
        return "(DELETE)";
    }

    @Override
    public String unchanged(JsonNode user) {
        return null;
    }

    @Override
    public void apply(JsonNode user) {
        client.delete("Users", user.path("id").asText());
    }
}
