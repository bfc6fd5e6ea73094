package dev.scimctl.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named connection: the SCIM base URL and how to reach it. The token is not here; it lives in the credentials
 * file, which is 0600.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(String url, Double connectTimeoutSeconds, Double timeoutSeconds, String proxy, String caCert) {
    public Profile withUrl(String newUrl) {
        return new Profile(newUrl, connectTimeoutSeconds, timeoutSeconds, proxy, caCert);
    }
}
