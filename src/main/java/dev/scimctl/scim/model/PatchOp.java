package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ScimJson;

import java.util.List;

/** A SCIM PATCH request body (RFC 7644 §3.5.2). */
public record PatchOp(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {

    public record Operation(String op, String path, JsonNode value) {
    }

    public static PatchOp of(Operation... operations) {
        return new PatchOp(List.of(ScimJson.PATCH_OP), List.of(operations));
    }

    public static Operation replace(String path, JsonNode value) {
        return new Operation("replace", path, value);
    }

    public static Operation add(String path, JsonNode value) {
        return new Operation("add", path, value);
    }

    /** Removes the value(s) at a path; a member of a group is removed with {@link #removeMember} instead. */
    public static Operation remove(String path) {
        return new Operation("remove", path, null);
    }

    /**
     * Removes one group member by the RFC's value-path form. Never a path-less or {@code members}-only remove:
     * on some servers that empties the whole group.
     */
    public static Operation removeMember(String memberId) {
        return new Operation("remove", "members[value eq " + Filter.literal(memberId) + "]", null);
    }
}
