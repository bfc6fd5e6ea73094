package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Users;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@link UserChanges} does to each user: its words for the question and the report, and the request.
 *
 * @param verb      "deactivate", for "Deactivate 3 users?"
 * @param done      "deactivated", for the report
 * @param how       how the change is made on this server, e.g. "(DELETE)", shown before asking
 * @param unchanged why a user needs no change, or null when it does
 * @param apply     makes the change to the user of this id; a failure is a {@code ScimException}
 */
record UserChange(String verb, String done, String how, Function<JsonNode, String> unchanged, Consumer<String> apply) {

    /**
     * Sets {@code active: false} the best way the server allows ({@link Users#deactivate}): PATCH where it supports
     * PATCH (or does not say), else GET and PUT the whole user, with If-Match where it serves ETags.
     */
    static UserChange deactivation(Users users) {
        String how = switch (users.updateMethod()) {
            case PATCH -> "(PATCH active=false)";
            case PATCH_THEN_PUT -> "(PATCH active=false; the server does not say whether it supports PATCH, so PUT "
                    + "if it refuses)";
            case PUT_WITH_IF_MATCH -> "(GET and PUT with If-Match, as the server does not support PATCH)";
            case PUT -> "(GET and PUT, as the server supports neither PATCH nor ETags)";
        };
        return new UserChange("deactivate", "deactivated", how,
                user -> user.path("active").isBoolean() && !user.path("active").booleanValue()
                        ? "is inactive already" : null,
                users::deactivate);
    }

    /** DELETE /Users/{id}. NinjaOne keeps a deleted SCIM user as inactive; other servers remove it. */
    static UserChange deletion(Users users) {
        return new UserChange("delete", "deleted", "(DELETE)", user -> null, users::delete);
    }
}
