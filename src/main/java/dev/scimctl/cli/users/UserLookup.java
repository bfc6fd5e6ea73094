package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a user named on the command line by id or by userName. An id is tried first only when the argument looks
 * like one (a UUID, or anything without an '@', since NinjaOne userNames are e-mail addresses); otherwise, or when no
 * user has that id, it is a userName, looked up with an escaped filter.
 */
final class UserLookup {
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            + "[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final ScimClient client;

    UserLookup(ScimClient client) {
        this.client = client;
    }

    static boolean looksLikeId(String user) {
        return UUID_LIKE.matcher(user).matches() || user.indexOf('@') < 0;
    }

    /** The user as the server sends it, or empty when no user has this id or userName. */
    Optional<JsonNode> find(String user) {
        if (looksLikeId(user)) {
            try {
                return Optional.of(client.get("Users", user));
            } catch (ScimErrorException e) {
                // 404: not an id after all. 400: some servers refuse ids in a form they do not issue.
                if (e.status() != 404 && e.status() != 400) {
                    throw e;
                }
            }
        }
        return client.findUserByUserName(user).map(found -> client.get("Users", found.id()));
    }

    /** How a user is shown in messages: userName and id. */
    static String describe(JsonNode user) {
        return user.path("userName").asText("?") + " (id " + user.path("id").asText("?") + ")";
    }
}
