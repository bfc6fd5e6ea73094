package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ServiceProviderConfig;

import java.util.Optional;

/**
 * Sets {@code active: false} the best way the server allows: PATCH where it supports PATCH (or does not say), else
 * GET and PUT the whole user, with {@code If-Match} where it serves ETags (so a change made meanwhile is not
 * overwritten), else a plain PUT.
 */
final class Deactivation implements UserChanges.Change {
    private enum Method { PATCH, PUT }

    private final ScimClient client;
    private final boolean patchKnown;
    private final boolean etagsRefused;
    private Method method;

    Deactivation(ScimClient client) {
        this.client = client;
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        this.patchKnown = spc.isPresent();
        this.method = spc.isEmpty() || spc.get().patchSupported() ? Method.PATCH : Method.PUT;
        this.etagsRefused = spc.isPresent() && !spc.get().etagSupported();
    }

    @Override
    public String verb() {
        return "deactivate";
    }

    @Override
    public String done() {
        return "deactivated";
    }

    @Override
    public String how() {
        if (method == Method.PATCH) {
            return patchKnown ? "(PATCH active=false)" : "(PATCH active=false; the server does not say whether it "
                    + "supports PATCH, so PUT if it refuses)";
        }
        return etagsRefused ? "(GET and PUT, as the server supports neither PATCH nor ETags)"
                : "(GET and PUT with If-Match, as the server does not support PATCH)";
    }

    @Override
    public String unchanged(JsonNode user) {
        return user.path("active").isBoolean() && !user.path("active").booleanValue() ? "is inactive already" : null;
    }

    @Override
    public void apply(JsonNode user) {
        String id = user.path("id").asText();
        if (method == Method.PATCH) {
            try {
                // Setting a value is idempotent, so the PATCH may be repeated after a dropped connection.
                client.patch("Users", id, PatchOp.of(PatchOp.replace("active", BooleanNode.FALSE)), null, true);
                return;
            } catch (ScimErrorException e) {
                if (patchKnown || (e.status() != 501 && e.status() != 405)) {
                    throw e;
                }
                method = Method.PUT; // it does not do PATCH after all: PUT for this user and the rest
            }
        }
        put(id, true);
    }

    private void put(String id, boolean mayRetry) {
        JsonNode current = client.get("Users", id);
        ObjectNode body = ((ObjectNode) current).deepCopy();
        body.put("active", false);
        body.remove("meta"); // read-only; some servers refuse a PUT that carries it
        String version = etagsRefused ? null : current.path("meta").path("version").asText(null);
        try {
            client.replace("Users", id, body, version);
        } catch (ScimErrorException e) {
            if (e.status() == 412 && mayRetry) {
                put(id, false); // changed between our GET and PUT: read it again, once
                return;
            }
            throw e;
        }
    }
}
