package dev.scimctl.sandbox;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;

/**
 * /Users on top of the {@link SandboxStore}: the NinjaOne rules, uniqueness as SCIM errors, delete (or deactivate).
 * Listing pages, filters and sorts here (see {@link Listing}), with a fast path for {@code userName eq}.
 */
final class UserHandler extends StoredResourceHandler<User> {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final SandboxStore store;
    private final boolean softDelete;
    private final boolean etag;

    UserHandler(SandboxStore store, boolean softDelete, boolean etag) {
        super(store::user, store::usersPage, store::users);
        this.store = store;
        this.softDelete = softDelete;
        this.etag = etag;
    }

    @Override
    public User createResource(User resource, Context context) {
        ObjectNode user = SandboxJson.plain(resource);
        checkNinjaOneRules(user);
        user.remove("id"); // ids are the server's to choose
        try {
            return toResource(store.createUser(user), context);
        } catch (SandboxConflictException e) {
            throw new ConflictException(e.getMessage(), ScimType.RFC7644.UNIQUENESS);
        }
    }

    /** The look-up a provisioning client makes for every user, {@code userName eq}: answered from the index. */
    @Override
    Optional<List<User>> indexed(FilterNode filter, Context context) {
        return userNameEquals(filter).map(userName -> store.userByUserName(userName)
                .map(user -> toResource(user, context)).stream().toList());
    }

    /** The value of a filter {@code userName eq "…"} (userName is case-insensitive, as the index is). */
    private static Optional<String> userNameEquals(FilterNode filter) {
        if (filter instanceof AttributeExpressionLeaf leaf && leaf.getComparator() == Comparator.EQ) {
            SchemaAttribute attribute = leaf.getSchemaAttribute();
            boolean coreUserName = CORE_USER.equals(attribute.getResourceUri()) && attribute.getParent() == null
                    && "userName".equals(attribute.getName());
            return coreUserName ? leaf.getStringValue() : Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public User updateResource(User resource, Context context) {
        ObjectNode user = SandboxJson.plain(resource);
        checkNinjaOneRules(user);
        String id = user.path("id").asText();
        try {
            return toResource(store.replaceUser(id, user), context);
        } catch (SandboxConflictException e) {
            throw new ConflictException(e.getMessage(), ScimType.RFC7644.UNIQUENESS);
        } catch (NoSuchElementException e) {
            throw new ResourceNotFoundException(e.getMessage(), null, null);
        }
    }

    @Override
    public void deleteResource(String id, Context context) {
        if (!store.deleteUser(id, !softDelete)) {
            throw new ResourceNotFoundException("no user with id " + id, null, null);
        }
    }

    private static void checkNinjaOneRules(ObjectNode user) {
        NinjaOneRules.check(user.get(NinjaOneRules.EXTENSION_URN)).ifPresent(problem -> {
            throw new BadRequestException(problem, ScimType.RFC7644.INVALID_VALUE);
        });
    }

    @Override
    User toResource(ObjectNode stored, Context context) {
        // Every user carries the extension object, empty or not: the SDK's filter evaluation throws a
        // NullPointerException on an extension attribute when any user lacks the object (scim-sdk 1.30.0).
        JsonNode extension = stored.get(NinjaOneRules.EXTENSION_URN);
        if (extension == null || !extension.isObject()) {
            stored.putObject(NinjaOneRules.EXTENSION_URN);
        }
        SandboxJson.withSchemas(stored, CORE_USER, NinjaOneRules.EXTENSION_URN);
        SandboxJson.finishMeta(stored, context, "/Users/", etag);
        return SandboxJson.toResource(stored, User.class);
    }
}
