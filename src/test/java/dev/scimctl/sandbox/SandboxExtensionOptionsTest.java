package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;
import dev.scimctl.testing.ScimServerExtension;

/**
 * The two discovery switches of the sandbox: RFC 7643's enterprise extension, so that section 8.3's example can be
 * sent and read back, and the library's own discovery documents, which are off by default because strict clients
 * reject them.
 */
class SandboxExtensionOptionsTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void declares_the_enterprise_extension_when_asked_and_keeps_section_8_3s_example() throws Exception {
        try (ScimServerExtension scim = ScimServerExtension.create(b -> b.enterpriseExtension(true)).start()) {
            RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

            JsonNode user = client.get("/ResourceTypes/User").json();
            List<String> extensions = new ArrayList<>();
            user.get("schemaExtensions").forEach(e -> extensions.add(e.get("schema").asText()));
            assertThat(extensions).containsExactly(NINJA, ENTERPRISE);
            assertThat(client.get("/Schemas/" + ENTERPRISE).status()).isEqualTo(200);

            ObjectNode sent = (ObjectNode) JSON.readTree(SECTION_8_3);
            Response created = client.post("/Users", SECTION_8_3);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode read = client.get("/Users/" + created.json().get("id").asText()).json();

            assertThat(read.at("/schemas/0").asText()).isEqualTo(CORE_USER);
            assertThat(read.get("schemas").toString()).contains(ENTERPRISE);
            JsonNode enterprise = read.get(ENTERPRISE);
            for (String attribute : List.of("employeeNumber", "costCenter", "organization", "division",
                    "department")) {
                assertThat(enterprise.get(attribute)).as(attribute).isEqualTo(sent.get(ENTERPRISE).get(attribute));
            }
            assertThat(enterprise.at("/manager/value").asText()).isEqualTo("26118915-6090-4610-87e4-49d8ca9f808d");
            for (String attribute : List.of("userName", "name", "displayName", "emails", "title", "active")) {
                assertThat(read.get(attribute)).as(attribute).isEqualTo(sent.get(attribute));
            }

            JsonNode found = client.get("/Users?filter=" + java.net.URLEncoder.encode(
                    ENTERPRISE + ":employeeNumber eq \"701984\"", java.nio.charset.StandardCharsets.UTF_8)).json();
            assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        }
    }

    @Test
    void without_the_switch_the_enterprise_schema_is_not_served() {
        try (ScimServerExtension scim = ScimServerExtension.create().start()) {
            RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

            assertThat(client.get("/Schemas/" + ENTERPRISE).status()).isEqualTo(404);
            assertThat(client.get("/ResourceTypes/User").json().get("schemaExtensions")).hasSize(1);
        }
    }

    @Test
    void serves_the_librarys_own_documents_only_when_asked() {
        try (ScimServerExtension scim = ScimServerExtension.create(b -> b.libraryDiscovery(true)).start()) {
            RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

            JsonNode types = client.get("/ResourceTypes").json();
            List<String> ids = new ArrayList<>();
            types.get("Resources").forEach(t -> ids.add(t.get("id").asText()));
            assertThat(ids).contains("User", "Group", "ResourceType");
            assertThat(client.get("/ResourceTypes/User").json().toString()).contains("urn:gold:");
        }
    }

    /** RFC 7643 section 8.3: a user with the enterprise extension (the password left out, as the sandbox drops it). */
    private static final String SECTION_8_3 = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "id": "2819c223-7f76-453a-919d-413861904646",
              "externalId": "701984",
              "userName": "bjensen@example.com",
              "name": {
                "formatted": "Ms. Barbara J Jensen, III",
                "familyName": "Jensen",
                "givenName": "Barbara",
                "middleName": "Jane",
                "honorificPrefix": "Ms.",
                "honorificSuffix": "III"
              },
              "displayName": "Babs Jensen",
              "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
              ],
              "title": "Tour Guide",
              "active": true,
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "costCenter": "4130",
                "organization": "Universal Studios",
                "division": "Theme Park",
                "department": "Tour Operations",
                "manager": {
                  "value": "26118915-6090-4610-87e4-49d8ca9f808d",
                  "$ref": "../Users/26118915-6090-4610-87e4-49d8ca9f808d",
                  "displayName": "John Smith"
                }
              },
              "meta": {
                "resourceType": "User",
                "created": "2010-01-23T04:56:22Z",
                "lastModified": "2011-05-13T04:42:34Z",
                "version": "W\\/\\"3694e05e9dff591\\"",
                "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"
              }
            }""";
}
