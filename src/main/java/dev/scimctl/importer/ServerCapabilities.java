package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.Setting;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.model.ServiceProviderConfig;

import java.util.Locale;
import java.util.Optional;

/**
 * What the import needs to know about the server, from /ServiceProviderConfig and /Schemas where they are served.
 * Each is a Boolean: null means the server did not say, and the import then tries and falls back.
 *
 * @param patch                 PATCH supported
 * @param etag                  ETags served (so a PUT can carry If-Match)
 * @param filter                filters supported (so per-user look-ups work)
 * @param maxPageSize           the page-size cap the server names, else 100
 * @param organizationIdType    how organizationId is sent
 * @param organizationIdTypeWhy where that came from, for the plan's header
 */
public record ServerCapabilities(Boolean patch, Boolean etag, Boolean filter, int maxPageSize,
                                 OrganizationIdType organizationIdType, String organizationIdTypeWhy) {
    public static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * Reads what the server says about itself.
     *
     * @param forcedType the type given with --org-id-type, or null to look at /Schemas
     */
    public static ServerCapabilities discover(ScimClient client, OrganizationIdType forcedType) {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        Boolean patch = spc.map(ServiceProviderConfig::patchSupported).orElse(null);
        Boolean etag = spc.map(ServiceProviderConfig::etagSupported).orElse(null);
        Boolean filter = spc.map(ServiceProviderConfig::filterSupported).orElse(null);
        Integer max = spc.map(ServiceProviderConfig::maxResults).orElse(null);
        int pageSize = max == null || max < 1 ? DEFAULT_PAGE_SIZE : Math.min(max, 1000);
        if (forcedType != null) {
            return new ServerCapabilities(patch, etag, filter, pageSize, forcedType, "sent as " + (forcedType
                    == OrganizationIdType.INTEGER ? "a number" : "a string") + " (" + client.names().of(Setting.ORG_ID_TYPE) + ")");
        }
        Optional<String> declared = declaredOrganizationIdType(client);
        if (declared.isEmpty()) {
            return new ServerCapabilities(patch, etag, filter, pageSize, OrganizationIdType.STRING,
                    "sent as a string (/Schemas does not type it; " + client.names().of(Setting.ORG_ID_TYPE)
                            + " integer if the server wants a number)");
        }
        String t = declared.get().toLowerCase(Locale.ROOT);
        OrganizationIdType type = t.equals("integer") || t.equals("decimal")
                ? OrganizationIdType.INTEGER : OrganizationIdType.STRING;
        return new ServerCapabilities(patch, etag, filter, pageSize, type, "sent as " + (type == OrganizationIdType.INTEGER
                ? "a number" : "a string") + " (/Schemas types it " + t + ")");
    }

    /** The type /Schemas gives the extension's organizationId, if the server serves /Schemas and describes it. */
    private static Optional<String> declaredOrganizationIdType(ScimClient client) {
        return client.schemaAttribute(ScimJson.NINJAONE_USER, "organizationId").map(a -> a.path("type"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
