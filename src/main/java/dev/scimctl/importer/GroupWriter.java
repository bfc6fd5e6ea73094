package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimConnectionException;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ScimGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Carries out group steps: creating a group with its first members, adding members, and removing members one by
 * one in the RFC form {@code members[value eq "ID"]} (never a form that can empty a group). Where PATCH is not
 * served, membership changes are a PUT of the group as just read, with If-Match when ETags are served.
 */
final class GroupWriter {
    /** Members per PATCH: large enough to be quick, small enough for servers that cap operations or body sizes. */
    static final int BATCH = 100;
    private static final int CREATE_ATTEMPTS = 3;

    private final ScimClient client;
    private final ServerCapabilities caps;
    private final AtomicBoolean patchRefused = new AtomicBoolean();

    GroupWriter(ScimClient client, ServerCapabilities caps) {
        this.client = client;
        this.caps = caps;
    }

    /** What a create found: the group's id, and whether it existed already (a lost answer, or another writer). */
    record Created(String id, boolean existed) {
    }

    /**
     * Creates the group with these members. Group names need not be unique on a server, so a create is never blindly
     * repeated: after a failure that may have hidden a success, the group is looked up first.
     *
     * @param lookFirst look the group up before the first POST too (an earlier try may have created it)
     */
    Created create(String displayName, List<String> memberIds, boolean lookFirst) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimJson.CORE_GROUP);
        body.put("displayName", displayName);
        if (!memberIds.isEmpty()) {
            body.set("members", members(memberIds));
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            if (attempt > 1 || lookFirst) {
                Optional<ScimGroup> existing = find(displayName);
                if (existing.isPresent()) {
                    add(existing.get().id(), missing(existing.get(), memberIds));
                    return new Created(existing.get().id(), true);
                }
            }
            try {
                JsonNode created = client.create("Groups", body, false);
                return new Created(created.path("id").asText(null), false);
            } catch (ScimErrorException e) {
                if (e.status() == 409) {
                    ScimGroup existing = find(displayName).orElseThrow(() -> e);
                    add(existing.id(), missing(existing, memberIds));
                    return new Created(existing.id(), true);
                }
                if (e.status() != 429 && e.status() < 500) {
                    throw e;
                }
                last = e;
            } catch (ScimConnectionException e) {
                if (e.kind() != ScimConnectionException.Kind.RESET && e.kind() != ScimConnectionException.Kind.TIMEOUT) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** Adds members, in batches. Adding a member twice is harmless (RFC 7644 §3.5.2.1), so a batch may be repeated. */
    void add(String groupId, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        if (usePatch()) {
            try {
                for (int i = 0; i < memberIds.size(); i += BATCH) {
                    List<String> batch = memberIds.subList(i, Math.min(memberIds.size(), i + BATCH));
                    client.patch("Groups", groupId, PatchOp.of(PatchOp.add("members", members(batch))), null, true);
                }
                return;
            } catch (ScimErrorException e) {
                if (!UserWriter.isUnsupported(e)) {
                    throw e;
                }
                patchRefused.set(true);
            }
        }
        Set<String> add = new LinkedHashSet<>(memberIds);
        putMembers(groupId, current -> {
            Set<String> merged = new LinkedHashSet<>(current);
            merged.addAll(add);
            return merged;
        });
    }

    /**
     * Removes members one operation each, by the RFC's value filter. A member that is gone already (a repeated request,
     * or someone else) is not an error.
     */
    void remove(String groupId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        if (usePatch()) {
            try {
                List<String> ids = new ArrayList<>(memberIds);
                for (int i = 0; i < ids.size(); i += BATCH) {
                    List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                    removeBatch(groupId, batch);
                }
                return;
            } catch (ScimErrorException e) {
                if (!UserWriter.isUnsupported(e)) {
                    throw e;
                }
                patchRefused.set(true);
            }
        }
        Set<String> gone = new HashSet<>(memberIds);
        putMembers(groupId, current -> {
            Set<String> kept = new LinkedHashSet<>(current);
            kept.removeAll(gone);
            return kept;
        });
    }

    private void removeBatch(String groupId, List<String> batch) {
        PatchOp op = PatchOp.of(batch.stream().map(PatchOp::removeMember).toArray(PatchOp.Operation[]::new));
        try {
            client.patch("Groups", groupId, op, null, true);
        } catch (ScimErrorException e) {
            if (!isNoTarget(e)) {
                throw e;
            }
            // A PATCH is all or nothing: one member that is gone already fails the batch. Take the rest one by one.
            for (String id : batch) {
                try {
                    client.patch("Groups", groupId, PatchOp.of(PatchOp.removeMember(id)), null, true);
                } catch (ScimErrorException one) {
                    if (!isNoTarget(one)) {
                        throw one;
                    }
                }
            }
        }
    }

    /** "Nothing to remove": RFC 7644 says 400 noTarget; some servers answer 404 or a plain 400 about the filter. */
    static boolean isNoTarget(ScimErrorException e) {
        return e.status() == 400 && "noTarget".equalsIgnoreCase(e.scimType())
                || e.status() == 400 && e.detail() != null && e.detail().toLowerCase(Locale.ROOT).contains("no target");
    }

    /** Reads the group, changes its member ids, and PUTs it back with If-Match; a 412 reads it once more. */
    private void putMembers(String groupId, UnaryOperator<Set<String>> change) {
        for (int attempt = 1; ; attempt++) {
            JsonNode group = client.get("Groups", groupId);
            Set<String> current = new LinkedHashSet<>();
            group.path("members").forEach(m -> current.add(m.path("value").asText()));
            Set<String> wanted = change.apply(current);
            if (wanted.equals(current)) {
                return;
            }
            ObjectNode body = ((ObjectNode) group).deepCopy();
            body.remove("meta");
            body.set("members", members(wanted));
            String version = Boolean.FALSE.equals(caps.etag()) ? null : group.path("meta").path("version").asText(null);
            try {
                client.replace("Groups", groupId, body, version);
                return;
            } catch (ScimErrorException e) {
                if (e.status() != 412 || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    private boolean usePatch() {
        return !Boolean.FALSE.equals(caps.patch()) && !patchRefused.get();
    }

    /** The group with this name, matched ignoring case; a server that ignores the filter is paged through. */
    Optional<ScimGroup> find(String displayName) {
        try (Stream<ScimGroup> found = client.groups(ListQuery.all().withFilter(Filter.eq("displayName", displayName)))) {
            return found.filter(g -> g.displayName() != null && g.displayName().equalsIgnoreCase(displayName)).findFirst();
        }
    }

    private static List<String> missing(ScimGroup group, List<String> memberIds) {
        Set<String> have = new HashSet<>();
        group.membersOrEmpty().forEach(m -> have.add(m.value()));
        return memberIds.stream().filter(id -> !have.contains(id)).toList();
    }

    private static ArrayNode members(Collection<String> ids) {
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        ids.forEach(id -> members.addObject().put("value", id));
        return members;
    }
}
