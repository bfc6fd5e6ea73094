package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Users;

/**
 * Sets {@code active: false} the best way the server allows ({@link Users#deactivate}): PATCH where it supports
 * PATCH (or does not say), else GET and PUT the whole user, with If-Match where it serves ETags.
 */
final class Deactivation implements UserChanges.Change {
    private final Users users;

    Deactivation(Users users) {
        this.users = users;
    }

    @Override
    public String verb() {
        return "deactivate";
    }

    @Override
    public String done() {
        return "deactivated";
    }

    @Override
    public String how() {
        return switch (users.updateMethod()) {
            case PATCH -> "(PATCH active=false)";
            case PATCH_THEN_PUT -> "(PATCH active=false; the server does not say whether it supports PATCH, so PUT "
                    + "if it refuses)";
            case PUT_WITH_IF_MATCH -> "(GET and PUT with If-Match, as the server does not support PATCH)";
            case PUT -> "(GET and PUT, as the server supports neither PATCH nor ETags)";
        };
    }

    @Override
    public String unchanged(JsonNode user) {
        return user.path("active").isBoolean() && !user.path("active").booleanValue() ? "is inactive already" : null;
    }

    @Override
    public void apply(JsonNode user) {
        users.deactivate(user.path("id").asText());
    }
}
