package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.Users;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Carries out one user step on the server: a creation that copes with the user existing already, an update by PATCH
 * (or by PUT with If-Match where PATCH is not served), a deactivation. Each method returns what happened, in words for
 * the report, or throws the client's exception.
 */
final class UserWriter {
    /** What a step did: the user's id and a few words for the report and the journal. */
    record Done(String id, String detail) {
    }

    private final Users users;
    private final UserPayloads payloads;

    UserWriter(ScimClient client, UserPayloads payloads) {
        this.users = new Users(client);
        this.payloads = payloads;
    }

    Done create(ImportRow row) {
        try {
            // A POST lost to a dropped connection is repeated: if the first one did create the user, the server
            // answers 409 uniqueness, which is handled below as "exists already".
            JsonNode created = users.create(payloads.create(row));
            return new Done(created.path("id").asText(null), "created");
        } catch (ScimException e) {
            if (!e.isConflict()) {
                throw e;
            }
            // The user exists: a lost answer to our own create, another writer, or a user NinjaOne adopted by e-mail.
            // Make it what the row says instead of failing the row.
            RemoteUser existing = lookUp(row.userName()).orElseThrow(() -> e);
            List<Change> changes = Differ.diff(row, existing.user());
            if (changes.isEmpty()) {
                return new Done(existing.id(), "existed already (409), as the file wants it");
            }
            update(existing, changes);
            return new Done(existing.id(), "existed already (409); updated " + labels(changes));
        }
    }

    /**
     * Applies changes to a user: PATCH, or a PUT of the user as read with the changes applied (the resource layer
     * chooses, and re-reads once on 412).
     */
    Done update(RemoteUser user, List<Change> changes) {
        users.update(user.id(), payloads.patch(changes), current -> payloads.replace(current, changes), user.json());
        return new Done(user.id(), labels(changes));
    }

    Done deactivate(RemoteUser user) {
        return update(user, Differ.deactivation(user.user()));
    }

    /** The user by userName, by the resource layer's one look-up rule. */
    Optional<RemoteUser> lookUp(String userName) {
        return users.findByUserName(userName).map(n -> get(n.path("id").asText()));
    }

    private RemoteUser get(String id) {
        JsonNode node = users.get(id);
        return new RemoteUser((ObjectNode) node, users.toUser(node));
    }

    static String labels(List<Change> changes) {
        return changes.stream().map(Change::toString).collect(Collectors.joining("; "));
    }
}
