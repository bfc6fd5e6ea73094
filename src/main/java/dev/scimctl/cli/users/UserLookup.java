package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a user named on the command line by id or by userName. An id is tried first only when the argument looks
 * like one (a UUID, or anything without an '@', since NinjaOne userNames are e-mail addresses); otherwise, or when no
 * user has that id, it is a userName, looked up with an escaped filter (and, where the server finds none, in the
 * full list: see {@code LocalFiltering}).
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
        return byUserName(user);
    }

    /**
     * A userName look-up through {@link ScimClient#listFiltered}, so that it also works where the server compares
     * case-sensitively or mishandles escapes: the match is checked here, ignoring case, as SCIM defines userName.
     */
    private Optional<JsonNode> byUserName(String userName) {
        ListQuery q = ListQuery.all().withFilter(Filter.eq("userName", userName)).withPageSize(10).withLimit(10);
        try (Stream<JsonNode> found = client.listFiltered("Users", q, () -> {
        })) {
            return found.filter(u -> u.path("userName").asText().equalsIgnoreCase(userName)).findFirst();
        }
    }

    /** How a user is shown in messages: userName and id. */
    static String describe(JsonNode user) {
        return user.path("userName").asText("?") + " (id " + user.path("id").asText("?") + ")";
    }
}
