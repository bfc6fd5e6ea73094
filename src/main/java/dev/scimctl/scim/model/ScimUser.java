package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.ScimJson;

import java.util.List;

/** The parts of a SCIM User that scimctl reads; the full resource stays available as JSON where it is printed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScimUser(List<String> schemas, String id, String externalId, String userName, Name name,
                       String displayName, List<Email> emails, Boolean active, List<GroupRef> groups, Meta meta,
                       @JsonProperty(ScimJson.NINJAONE_USER) NinjaOne ninjaOne) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Name(String givenName, String familyName, String formatted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Email(String value, String type, Boolean primary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupRef(String value, String display, @JsonProperty("$ref") String ref) {
    }

    /**
     * NinjaOne's extension. {@code organizationId} is kept as JSON because servers type it as a string or a
     * number; {@link #organizationIdText()} gives it as the CSV writes it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NinjaOne(String userType, JsonNode organizationId) {
        public String organizationIdText() {
            return organizationId == null || organizationId.isNull() ? null : organizationId.asText();
        }
    }

    public String givenName() {
        return name == null ? null : name.givenName();
    }

    public String familyName() {
        return name == null ? null : name.familyName();
    }

    public String userType() {
        return ninjaOne == null ? null : ninjaOne.userType();
    }

    public String organizationId() {
        return ninjaOne == null ? null : ninjaOne.organizationIdText();
    }

    /** Absent {@code active} means active (RFC 7643 gives no default; NinjaOne creates users active). */
    public boolean isActive() {
        return active == null || active;
    }

    public String version() {
        return meta == null ? null : meta.version();
    }
}
