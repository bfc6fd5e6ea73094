package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Users;

/** DELETE /Users/{id}. NinjaOne keeps a deleted SCIM user as inactive; other servers remove it. */
final class Deletion implements UserChanges.Change {
    private final Users users;

    Deletion(Users users) {
        this.users = users;
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
        users.delete(user.path("id").asText());
    }
}
