package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ServiceProviderConfig;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What {@link Users} and {@link Groups} share: one endpoint's reads and writes, and the one rule for changing a
 * resource (PATCH where the server takes it, else GET and PUT with If-Match where it serves ETags).
 */
final class Resource {
    private final ScimClient client;
    private final String endpoint;
    /** Set once the server has refused a PATCH as unsupported, so that later changes go straight to PUT. */
    private final AtomicBoolean patchRefused = new AtomicBoolean();

    Resource(ScimClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    ScimClient client() {
        return client;
    }

    Optional<JsonNode> findById(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(get(id));
        } catch (ScimErrorException e) {
            if (e.isNoSuchId()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JsonNode get(String id) {
        return ResponseChecks.resource(client.get(endpoint, id), endpoint, client.baseUrl());
    }

    Stream<JsonNode> list(ListQuery query, Runnable beforeWait) {
        return client.list(endpoint, query, beforeWait);
    }

    Stream<JsonNode> listFiltered(ListQuery query, Runnable beforeWait) {
        return client.listFiltered(endpoint, query, beforeWait);
    }

    /** totalResults of a one-item listing, or -1 when the server does not say. */
    long count() {
        return client.count(endpoint);
    }

    /** The resource as the server sent it back; null in a dry run. */
    JsonNode create(JsonNode body, boolean repeatable) {
        JsonNode created = client.create(endpoint, body, repeatable);
        return client.isDryRun() ? null : ResponseChecks.resource(created, endpoint, client.baseUrl());
    }

    /** PUTs the whole resource; returns what the server sent back, or null when it sent nothing. */
    JsonNode replace(String id, JsonNode body, String ifMatch) {
        return client.replace(endpoint, id, body, ifMatch);
    }

    /** PATCHes as it is, without a fallback (for operations a PUT cannot express the same way). */
    JsonNode patch(String id, PatchOp op) {
        // Every PATCH scimctl sends sets values or removes by value filter: repeating it leaves the same resource.
        return patch(id, op, true);
    }

    /** PATCHes as it is; {@code repeatable} false for operations a repeat would apply twice (an add to a list). */
    JsonNode patch(String id, PatchOp op, boolean repeatable) {
        return client.patch(endpoint, id, op, null, repeatable);
    }

    /** Whether PUTs carry If-Match: unless the server says it serves no ETags. */
    boolean ifMatchSent() {
        return sendIfMatch();
    }

    void delete(String id) {
        client.delete(endpoint, id);
    }

    UpdateMethod updateMethod() {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        if (usePatch()) {
            return spc.isPresent() && spc.get().patchSupported() ? UpdateMethod.PATCH : UpdateMethod.PATCH_THEN_PUT;
        }
        return sendIfMatch() ? UpdateMethod.PUT_WITH_IF_MATCH : UpdateMethod.PUT;
    }

    /**
     * Changes a resource: by {@code patch} where the server takes PATCH (or does not say, and does not refuse it);
     * else by a PUT of the resource with {@code edit} applied, with If-Match where ETags are served. A PUT refused
     * with 412 (changed meanwhile) reads the resource again and applies {@code edit} to that, once.
     *
     * @param edit    the same change, applied to a copy of the resource (without {@code meta}); it returns the body
     * @param current the resource as the caller read it, to spare a GET; null to read it
     */
    void update(String id, PatchOp patch, UnaryOperator<ObjectNode> edit, JsonNode current) {
        if (!patched(id, patch, null)) {
            put(id, edit, current);
        }
    }

    /**
     * Changes a resource only if it is still the version read: the PATCH (or, where PATCH is not served, the PUT of
     * {@code replacement}) carries If-Match where ETags are served. A change made meanwhile is not overwritten: the
     * 412 is thrown, {@link ScimException#isPreconditionFailed()}, for the caller to report.
     *
     * @param version the resource's {@code meta.version} as read; null where the caller read none
     */
    void updateIfUnchanged(String id, PatchOp patch, JsonNode replacement, String version) {
        String ifMatch = sendIfMatch() ? version : null;
        if (!patched(id, patch, ifMatch)) {
            replace(id, replacement, ifMatch);
        }
    }

    /** PATCHes where the server takes PATCH; false where it does not (it said so, or refuses it now). */
    private boolean patched(String id, PatchOp patch, String ifMatch) {
        if (!usePatch()) {
            return false;
        }
        try {
            // Repeatable: every PATCH scimctl sends sets values or removes by value filter.
            client.patch(endpoint, id, patch, ifMatch, true);
            return true;
        } catch (ScimErrorException e) {
            if (!e.isUnsupported()) {
                throw e;
            }
            patchRefused();
            return false;
        }
    }

    /** Remembers that the server refused PATCH as unsupported: later changes go straight to PUT. */
    void patchRefused() {
        if (!patchRefused.getAndSet(true) && updateMethodSaid()) {
            client.forgetDiscovery(); // the server said it takes PATCH: what was saved about it is stale
        }
    }

    private boolean updateMethodSaid() {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        return spc.isPresent() && spc.get().patchSupported();
    }

    /** A PUT of the resource with {@code edit} applied, with If-Match where served; a 412 reads it again, once. */
    void put(String id, UnaryOperator<ObjectNode> edit, JsonNode current) {
        JsonNode read = current instanceof ObjectNode ? current : get(id);
        for (int attempt = 1; ; attempt++) {
            ObjectNode body = ((ObjectNode) read).deepCopy();
            body.remove("meta"); // read-only; some servers refuse a PUT that carries it
            body = edit.apply(body);
            String version = sendIfMatch() ? read.path("meta").path("version").asText(null) : null;
            try {
                replace(id, body, version);
                return;
            } catch (ScimErrorException e) {
                if (!e.isPreconditionFailed() || attempt >= 2) {
                    throw e;
                }
                read = get(id); // changed between our read and our PUT: read it again, once
            }
        }
    }

    private boolean usePatch() {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        return !patchRefused.get() && (spc.isEmpty() || spc.get().patchSupported());
    }

    /** If-Match unless the server says it serves no ETags. */
    private boolean sendIfMatch() {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        return spc.isEmpty() || spc.get().etagSupported();
    }
}
