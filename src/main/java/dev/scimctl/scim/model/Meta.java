package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A resource's {@code meta}: where it lives and its version (the ETag, when the server serves them). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meta(String resourceType, String created, String lastModified, String location, String version) {
}
