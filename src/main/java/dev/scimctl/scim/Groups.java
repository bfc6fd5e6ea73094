package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimctl.NotFoundException;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ScimGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The server's groups: reading, finding, creating, renaming, membership changes and deletion. Members are removed one
 * operation each in the RFC form {@code members[value eq "ID"]}, never a path-less or {@code members}-only remove,
 * which empties the whole group on some servers. Where PATCH is not served, a change is a PUT of the group as just
 * read, with If-Match where ETags are served.
 * <p>
 * A displayName is matched the way SCIM defines it, ignoring case; an exact match is preferred.
 */
public final class Groups extends Endpoint {
    /** Members per PATCH: large enough to be quick, small enough for servers that cap operations or body sizes. */
    public static final int MEMBERS_PER_PATCH = 100;
    private static final String ENDPOINT = "Groups";

    public Groups(ScimClient client) {
        super(client, ENDPOINT);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The group as the command line names it: a UUID as an id first; anything else as a display name first, then as
     * an id.
     */
    public Optional<JsonNode> find(String idOrName) {
        boolean uuid = Ids.isUuid(idOrName);
        if (uuid) {
            Optional<JsonNode> byId = findById(idOrName);
            if (byId.isPresent()) {
                return byId;
            }
        }
        List<JsonNode> named = withDisplayName(idOrName);
        requireOneIgnoringCase(named, idOrName);
        Optional<JsonNode> byName = pick(named, "displayName", idOrName, () -> true)
                .flatMap(g -> findById(g.path("id").asText()));
        return byName.isPresent() || uuid ? byName : findById(idOrName);
    }

    /**
     * Refuses a name that no group has exactly and several have in other cases ("team" for "Team" and "TEAM"): which
     * one was meant cannot be known, and a command must not act on a guess.
     */
    private void requireOneIgnoringCase(List<JsonNode> named, String name) {
        List<String> others = CaseInsensitive.ambiguous(named, g -> g.path("displayName").asText(null), name).stream()
                .map(g -> "'" + g.path("displayName").asText() + "' (id " + g.path("id").asText() + ")").toList();
        if (!others.isEmpty()) {
            throw new NotFoundException(others.size() + " groups on " + resource.client().baseUrl() + " are named '"
                    + name + "' ignoring case: " + String.join(", ", others) + "; name one by its exact display name "
                    + "or its id");
        }
    }

    /**
     * The group with this display name as the listing shows it (exact first, else in another case), through a
     * filtered listing that scimctl checks or applies itself where the server filters wrongly or not at all.
     */
    public Optional<JsonNode> findByDisplayName(String displayName) {
        return pick(withDisplayName(displayName), "displayName", displayName, () -> true);
    }

    /** The groups with this display name in any case, as the filter (or scimctl, where it misses) finds them. */
    private List<JsonNode> withDisplayName(String displayName) {
        // The default page: where the filter misses (or is ignored), every group is read, and pages of ten multiplied
        // the requests for no gain (a correct server answers the filtered request with one group or none either way).
        ListQuery q = ListQuery.all().withFilter(Filter.eq("displayName", displayName));
        try (Stream<JsonNode> s = listFiltered(q, () -> {
        })) {
            return s.toList();
        }
    }

    /** One filtered request for a display name, no fallback: what it found, and whether the filter was ignored. */
    public Lookup lookUp(String displayName) {
        return lookUpBy("displayName", displayName, 2, () -> true);
    }

    public Stream<ScimGroup> listGroups(ListQuery query) {
        return list(query).map(this::toGroup);
    }

    public ScimGroup toGroup(JsonNode node) {
        return resource.client().convert(node, ScimGroup.class, ENDPOINT);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /**
     * Creates a group with these members. Never sent twice after a dropped connection: group names need not be unique,
     * so a repeat could make a second group. Returns the group as the server sent it back.
     */
    public JsonNode create(String displayName, Collection<String> memberIds) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ScimJson.CORE_GROUP);
        body.put("displayName", displayName);
        if (!memberIds.isEmpty()) {
            body.set("members", members(memberIds));
        }
        return resource.create(body, false);
    }

    /** Renames a group (PATCH replace displayName, or PUT). */
    public void rename(String id, String displayName) {
        resource.update(id, PatchOp.of(PatchOp.replace("displayName", TextNode.valueOf(displayName))),
                g -> g.put("displayName", displayName), null);
    }

    /** Adds members, in batches. Adding a member twice is harmless (RFC 7644 §3.5.2.1), so a batch may be repeated. */
    public void addMembers(String groupId, Collection<String> memberIds) {
        changeMembers(groupId, memberIds, batch -> resource.patch(groupId, PatchOp.of(PatchOp.add("members",
                members(batch)))), (current, ids) -> current.addAll(ids));
    }

    /**
     * Removes members, one RFC value-filter operation each. A member that is gone already (a repeated request, or
     * someone else) is not an error.
     */
    public void removeMembers(String groupId, Collection<String> memberIds) {
        changeMembers(groupId, memberIds, batch -> removeBatch(groupId, batch),
                (current, ids) -> current.removeAll(new HashSet<>(ids)));
    }

    /**
     * A membership change: a PATCH per {@value #MEMBERS_PER_PATCH} members where the server takes PATCH, else one PUT
     * of the group with {@code change} applied to its member ids.
     */
    private void changeMembers(String groupId, Collection<String> memberIds, Consumer<List<String>> patchBatch,
                               BiConsumer<Set<String>, List<String>> change) {
        if (memberIds.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        UpdateMethod method = resource.updateMethod();
        if (method == UpdateMethod.PATCH || method == UpdateMethod.PATCH_THEN_PUT) {
            try {
                for (int i = 0; i < ids.size(); i += MEMBERS_PER_PATCH) {
                    patchBatch.accept(ids.subList(i, Math.min(ids.size(), i + MEMBERS_PER_PATCH)));
                }
                return;
            } catch (ScimErrorException e) {
                if (!e.isUnsupported()) {
                    throw e;
                }
                resource.patchRefused();
            }
        }
        putMembers(groupId, current -> {
            Set<String> changed = new LinkedHashSet<>(current);
            change.accept(changed, ids);
            return changed;
        });
    }

    private void removeBatch(String groupId, List<String> batch) {
        PatchOp op = PatchOp.of(batch.stream().map(PatchOp::removeMember).toArray(PatchOp.Operation[]::new));
        try {
            resource.patch(groupId, op);
        } catch (ScimErrorException e) {
            if (!e.isNoTarget()) {
                throw e;
            }
            // A PATCH is all or nothing: one member that is gone already fails the batch. Take the rest one by one.
            for (String id : batch) {
                try {
                    resource.patch(groupId, PatchOp.of(PatchOp.removeMember(id)));
                } catch (ScimErrorException one) {
                    if (!one.isNoTarget()) {
                        throw one;
                    }
                }
            }
        }
    }

    /** Reads the group, changes its member ids, and PUTs it back (with If-Match where served; a 412 reads again). */
    private void putMembers(String groupId, java.util.function.UnaryOperator<Set<String>> change) {
        JsonNode group = get(groupId);
        Set<String> current = memberIds(group);
        if (change.apply(current).equals(current)) {
            return;
        }
        resource.put(groupId, g -> {
            g.set("members", members(change.apply(memberIds(g))));
            return g;
        }, group);
    }

    private static Set<String> memberIds(JsonNode group) {
        Set<String> ids = new LinkedHashSet<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    private static ArrayNode members(Collection<String> ids) {
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        ids.forEach(id -> members.addObject().put("value", id));
        return members;
    }
}
