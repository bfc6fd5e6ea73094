package dev.scimctl.sandbox;

import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;

/**
 * /Groups on top of the {@link SandboxStore}. Members must be existing users or groups (a real server cannot
 * link to nothing); each gets its {@code type}, a {@code display} if the client sent none, and an absolute
 * {@code $ref}.
 */
final class GroupHandler extends StoredResourceHandler<Group> {

    private final SandboxStore store;
    private final boolean etag;

    GroupHandler(SandboxStore store, boolean etag) {
        super(store::group, store::groupsPage, store::groups);
        this.store = store;
        this.etag = etag;
    }

    @Override
    public Group createResource(Group resource, Context context) {
        ObjectNode group = SandboxJson.plain(resource);
        group.remove("id");
        checkMembers(group);
        return toResource(store.createGroup(group), context);
    }

    @Override
    public Group updateResource(Group resource, Context context) {
        ObjectNode group = SandboxJson.plain(resource);
        checkMembers(group);
        try {
            return toResource(store.replaceGroup(group.path("id").asText(), group), context);
        } catch (NoSuchElementException e) {
            throw new ResourceNotFoundException(e.getMessage(), null, null);
        }
    }

    @Override
    public void deleteResource(String id, Context context) {
        if (!store.deleteGroup(id)) {
            throw new ResourceNotFoundException("no group with id " + id, null, null);
        }
    }

    /** Refuses members that do not exist, drops duplicates, and stores each as value, type and display. */
    private void checkMembers(ObjectNode group) {
        JsonNode members = group.get("members");
        if (members == null || !members.isArray()) {
            return;
        }
        ArrayNode checked = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode member : members) {
            String value = member.path("value").asText("");
            if (value.isEmpty()) {
                throw new BadRequestException("a group member needs a value (the id of a user or group)",
                        ScimType.RFC7644.INVALID_VALUE);
            }
            String type = store.resourceTypeOf(value).orElseThrow(() -> new BadRequestException(
                    "group member \"" + value + "\" is neither a user nor a group here", ScimType.RFC7644.INVALID_VALUE));
            if (!seen.add(value)) {
                continue;
            }
            ObjectNode stored = checked.addObject();
            stored.put("value", value);
            stored.put("type", type);
            String display = member.path("display").asText("");
            stored.put("display", display.isEmpty() ? defaultDisplay(value, type) : display);
        }
        group.set("members", checked);
    }

    private String defaultDisplay(String id, String type) {
        if (type.equals("User")) {
            return store.user(id).map(user -> user.path("displayName").asText(user.path("userName").asText())).orElse(id);
        }
        return store.group(id).map(group -> group.path("displayName").asText(id)).orElse(id);
    }

    @Override
    Group toResource(ObjectNode stored, Context context) {
        String baseUri = SandboxJson.baseUri(context);
        for (JsonNode member : stored.path("members")) {
            if (baseUri != null && member.isObject()) {
                String endpoint = "Group".equals(member.path("type").asText()) ? "/Groups/" : "/Users/";
                ((ObjectNode) member).put("$ref", baseUri + endpoint + member.path("value").asText());
            }
        }
        SandboxJson.withSchemas(stored, "urn:ietf:params:scim:schemas:core:2.0:Group");
        SandboxJson.finishMeta(stored, context, "/Groups/", etag);
        return SandboxJson.toResource(stored, Group.class);
    }
}
