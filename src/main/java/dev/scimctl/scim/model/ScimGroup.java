package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A SCIM Group: in NinjaOne, an identity group that the console maps to user roles. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScimGroup(List<String> schemas, String id, String externalId, String displayName, List<Member> members,
                        Meta meta) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String value, String display, String type, @JsonProperty("$ref") String ref) {
    }

    public List<Member> membersOrEmpty() {
        return members == null ? List.of() : members;
    }

    public String version() {
        return meta == null ? null : meta.version();
    }
}
