package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.model.ScimUser;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Carries out one user step on the server: a creation that copes with the user existing already, an update by PATCH
 * (or by PUT with If-Match where PATCH is not served), a deactivation. Each method returns what happened, in words for
 * the report, or throws the client's exception.
 */
final class UserWriter {
    /** What a step did: the user's id and a few words for the report and the journal. */
    record Done(String id, String detail) {
    }

    private final ScimClient client;
    private final ServerCapabilities caps;
    private final UserPayloads payloads;
    /** Set once the server has refused a PATCH as unsupported, so that later updates go straight to PUT. */
    private final AtomicBoolean patchRefused = new AtomicBoolean();

    UserWriter(ScimClient client, ServerCapabilities caps, UserPayloads payloads) {
        this.client = client;
        this.caps = caps;
        this.payloads = payloads;
    }

    Done create(ImportRow row) {
        try {
            // Repeatable: if a retry after a dropped connection finds that the first attempt did create the user, the
            // server answers 409 uniqueness, which is handled below as "exists already". Without that handling a
            // repeated POST would be unsafe.
            JsonNode created = client.create("Users", payloads.create(row), true);
            return new Done(created.path("id").asText(null), "created");
        } catch (ScimErrorException e) {
            if (!isUniquenessConflict(e)) {
                throw e;
            }
            // The user exists: a lost answer to our own create, another writer, or a user NinjaOne adopted by e-mail.
            // Make it what the row says instead of failing the row.
            RemoteUser existing = lookUp(row.userName()).orElseThrow(() -> e);
            List<Change> changes = Differ.diff(row, existing.user());
            if (changes.isEmpty()) {
                return new Done(existing.id(), "existed already (409), as the file wants it");
            }
            update(existing, changes, row);
            return new Done(existing.id(), "existed already (409); updated " + labels(changes));
        }
    }

    /** Applies changes to a user; {@code row} is what the user should be (null for a deactivation). */
    Done update(RemoteUser user, List<Change> changes, ImportRow row) {
        if (usePatch()) {
            try {
                // Repeatable: replacing attributes with the same values twice leaves the same user.
                client.patch("Users", user.id(), payloads.patch(changes), null, true);
                return new Done(user.id(), labels(changes));
            } catch (ScimErrorException e) {
                if (!isUnsupported(e)) {
                    throw e;
                }
                patchRefused.set(true);
            }
        }
        put(user, changes, row);
        return new Done(user.id(), labels(changes));
    }

    Done deactivate(RemoteUser user) {
        return update(user, Differ.deactivation(user.user()), null);
    }

    private boolean usePatch() {
        return !Boolean.FALSE.equals(caps.patch()) && !patchRefused.get();
    }

    /** A PUT of the whole user, with If-Match when the server serves ETags; a 412 re-reads it and tries once more. */
    private void put(RemoteUser user, List<Change> changes, ImportRow row) {
        ObjectNode body = payloads.replace(user.json(), changes);
        try {
            client.replace("Users", user.id(), body, ifMatch(user));
        } catch (ScimErrorException e) {
            if (e.status() != 412) {
                throw e;
            }
            // Changed since it was read: look again, and only write what still differs.
            RemoteUser fresh = get(user.id());
            List<Change> again = row == null ? Differ.deactivation(fresh.user()) : Differ.diff(row, fresh.user());
            if (!again.isEmpty()) {
                client.replace("Users", user.id(), payloads.replace(fresh.json(), again), ifMatch(fresh));
            }
        }
    }

    private String ifMatch(RemoteUser user) {
        return Boolean.FALSE.equals(caps.etag()) ? null : user.version();
    }

    /** The user by userName: a filtered look-up, or the full listing where the server does not (reliably) filter. */
    Optional<RemoteUser> lookUp(String userName) {
        Optional<ScimUser> found = client.findUserByUserName(userName);
        if (found.isEmpty() && !Boolean.TRUE.equals(caps.filter())) {
            try (Stream<ScimUser> all = client.users(ListQuery.all().withPageSize(caps.maxPageSize()))) {
                found = all.filter(u -> u.userName() != null && u.userName().equalsIgnoreCase(userName)).findFirst();
            }
        }
        return found.map(u -> get(u.id()));
    }

    private RemoteUser get(String id) {
        JsonNode node = client.get("Users", id);
        ScimUser user = client.convert(node, ScimUser.class, "Users");
        return new RemoteUser(node instanceof ObjectNode o ? o : client.newObject(), user);
    }

    static boolean isUniquenessConflict(ScimErrorException e) {
        return e.status() == 409 && (e.scimType() == null || e.scimType().equalsIgnoreCase("uniqueness"));
    }

    /** 501 and 405 are how servers say "no PATCH here". */
    static boolean isUnsupported(ScimErrorException e) {
        return e.status() == 501 || e.status() == 405;
    }

    static String labels(List<Change> changes) {
        return changes.stream().map(Change::toString).collect(Collectors.joining("; "));
    }
}
