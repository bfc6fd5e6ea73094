package dev.scimctl.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.model.ScimUser;

/** A user as the server holds it: the full JSON (for a PUT) and its parsed form. */
public record RemoteUser(ObjectNode json, ScimUser user) {
    public String id() {
        return user.id();
    }

    public String userName() {
        return user.userName();
    }

    public String version() {
        return user.version();
    }
}
