package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/**
 * A change a dry run did not send: what {@code --dry-run} prints instead.
 *
 * @param method  POST, PUT, PATCH or DELETE
 * @param uri     where it would have gone
 * @param ifMatch the If-Match header it would have carried, or null
 * @param body    its JSON body, or null
 */
public record PlannedRequest(String method, URI uri, String ifMatch, JsonNode body) {
}
