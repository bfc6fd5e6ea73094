package dev.scimctl.cli.users;

import dev.scimctl.output.Styles;
import dev.scimctl.text.Counted;
import dev.scimctl.text.SafeText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Confirmation;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.ScimException;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A change to users named on the command line, made the careful way: find every user first, show what will change,
 * ask (on a terminal; elsewhere only {@code --yes} goes ahead), then change them one by one, keep going past a
 * failure, report each, and exit 1 if any failed.
 */
final class UserChanges {
    private final CommandContext context;
    private final ScimClient client;
    private final PrintWriter err;
    private final Ansi ansi;

    UserChanges(CommandContext context, ScimClient client) {
        this.context = context;
        this.client = client;
        this.err = context.err();
        this.ansi = context.ansi(false);
    }

    int run(List<String> names, boolean yes, UserChange change) {
        int failures = 0;
        Map<String, JsonNode> targets = new LinkedHashMap<>(); // by id: a user named twice is changed once
        Users lookup = new Users(client);
        for (String name : names) {
            try {
                Optional<JsonNode> user = lookup.find(name);
                if (user.isEmpty()) {
                    failure("no user with the id or userName '" + name + "'");
                    failures++;
                    continue;
                }
                JsonNode u = user.get();
                String why = change.unchanged().apply(u);
                if (why != null) {
                    err.println(describe(u) + " " + why + ": nothing to do");
                } else {
                    targets.putIfAbsent(u.path("id").asText(), u);
                }
            } catch (ScimErrorException e) {
                if (e.isAuthFailure()) {
                    throw e; // every other user would fail the same way
                }
                failure("could not look up '" + name + "': " + e.getMessage());
                failures++;
            }
        }
        if (targets.isEmpty()) {
            return failures > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
        }

        String users = Counted.of(targets.size(), "user");
        err.println("Will " + change.verb() + " " + users + " on " + client.baseUrl() + " " + change.how() + ":");
        List<String> who = targets.values().stream().map(u -> "  " + describe(u)).toList();
        if (!Confirmation.confirmed(context, yes, capitalised(change.verb()) + " " + users + "?",
                change.verb() + " " + users, "list of users", who)) {
            err.println("nothing was changed");
            return ExitCode.PROBLEMS;
        }

        int changed = 0;
        for (JsonNode u : targets.values()) {
            try {
                change.apply().accept(u.path("id").asText());
                changed++;
                err.println(change.done() + " " + describe(u));
            } catch (ScimException e) {
                failures++;
                failure("could not " + change.verb() + " " + describe(u) + ": " + e.getMessage());
            }
        }
        err.println(capitalised(change.done()) + " " + Counted.of(changed, "user")
                + (failures > 0 ? "; " + failures + " failed (see above)" : "") + ".");
        return failures > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
    }

    /** How a user is shown in messages: userName and id. */
    static String describe(JsonNode user) {
        return user.path("userName").asText("?") + " (id " + user.path("id").asText("?") + ")";
    }

    private void failure(String message) {
        err.println(Styles.error(ansi) + SafeText.text(message));
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
