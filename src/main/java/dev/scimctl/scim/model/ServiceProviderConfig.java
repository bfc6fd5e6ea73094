package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a server says it supports (RFC 7643 §5). Every part may be missing: missing means "not said". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceProviderConfig(Supported patch, Bulk bulk, Filter filter, Supported changePassword,
                                    Supported sort, Supported etag) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supported(Boolean supported) {
        boolean yes() {
            return Boolean.TRUE.equals(supported);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bulk(Boolean supported, Integer maxOperations, Integer maxPayloadSize) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(Boolean supported, Integer maxResults) {
    }

    public boolean patchSupported() {
        return patch != null && patch.yes();
    }

    public boolean bulkSupported() {
        return bulk != null && Boolean.TRUE.equals(bulk.supported());
    }

    public boolean filterSupported() {
        return filter != null && Boolean.TRUE.equals(filter.supported());
    }

    /** The server's page-size cap, when it names one. */
    public Integer maxResults() {
        return filter == null ? null : filter.maxResults();
    }

    public boolean sortSupported() {
        return sort != null && sort.yes();
    }

    public boolean etagSupported() {
        return etag != null && etag.yes();
    }
}
