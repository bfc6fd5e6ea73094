package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.model.ScimGroup;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out group steps through the resource layer ({@link Groups}): creating a group with its first members
 * without ever making it twice, adding members, and removing members in the RFC form (never a form that can empty a
 * group). Where PATCH is not served, {@link Groups} PUTs the group as just read.
 */
final class GroupWriter {
    private static final int CREATE_ATTEMPTS = 3;

    private final Groups groups;

    GroupWriter(ScimClient client) {
        this.groups = new Groups(client);
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
                JsonNode created = groups.create(displayName, memberIds);
                return new Created(created.path("id").asText(null), false);
            } catch (ScimException e) {
                if (e.isConflict()) {
                    ScimGroup existing = find(displayName).orElseThrow(() -> e);
                    add(existing.id(), missing(existing, memberIds));
                    return new Created(existing.id(), true);
                }
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** Adds members, in batches; adding a member twice is harmless, so a batch may be repeated. */
    void add(String groupId, List<String> memberIds) {
        groups.addMembers(groupId, memberIds);
    }

    /** Removes members; one that is gone already (a repeated request, or someone else) is not an error. */
    void remove(String groupId, Collection<String> memberIds) {
        groups.removeMembers(groupId, memberIds);
    }

    /** The group with this name, matched ignoring case, by the resource layer's look-up. */
    Optional<ScimGroup> find(String displayName) {
        return groups.findByDisplayName(displayName).map(groups::toGroup);
    }

    private static List<String> missing(ScimGroup group, List<String> memberIds) {
        Set<String> have = new HashSet<>();
        group.membersOrEmpty().forEach(m -> have.add(m.value()));
        return memberIds.stream().filter(id -> !have.contains(id)).toList();
    }
}
