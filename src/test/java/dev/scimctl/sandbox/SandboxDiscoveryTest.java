package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;
import dev.scimctl.testing.ScimServerExtension;

/**
 * The sandbox's discovery documents, checked against RFC 7643 sections 5 to 7 as printed, and the examples of
 * RFC 7643 section 8 sent to it and read back.
 */
class SandboxDiscoveryTest {

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    private static final Set<String> ATTRIBUTE_TYPES = Set.of("string", "boolean", "decimal", "integer", "dateTime",
            "binary", "reference", "complex");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension scim = ScimServerExtension.create();

    private final RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

    // ------------------------------------------------------------------ /ResourceTypes (RFC 7643 section 6)

    @Test
    void lists_only_user_and_group_as_resource_types_with_the_extension_declared() {
        Response response = client.get("/ResourceTypes");

        assertThat(response.status()).isEqualTo(200);
        Map<String, JsonNode> types = byId(response.json().get("Resources"));
        assertThat(types.keySet()).containsExactlyInAnyOrder("User", "Group");
        assertThat(response.json().get("totalResults").asInt()).isEqualTo(2);
        JsonNode user = types.get("User");
        assertThat(user.get("schema").asText()).isEqualTo(CORE_USER);
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.at("/schemaExtensions/0/schema").asText()).isEqualTo(NINJA);
        assertThat(user.at("/schemaExtensions/0/required").isBoolean()).isTrue();
        assertThat(types.get("Group").get("schema").asText()).isEqualTo(CORE_GROUP);
        for (JsonNode type : types.values()) {
            assertThat(strings(type.get("schemas"))).containsExactly(RESOURCE_TYPE_SCHEMA);
            assertThat(type.has("name")).isTrue();
            assertNoUndeclaredExtensions(type);
        }
    }

    @Test
    void answers_each_resource_type_alone_and_404_for_the_discovery_endpoints() {
        assertThat(client.get("/ResourceTypes/User").json().get("id").asText()).isEqualTo("User");
        assertThat(client.get("/ResourceTypes/Group").status()).isEqualTo(200);
        for (String notAResource : List.of("Schema", "ResourceType", "ServiceProviderConfig")) {
            assertThat(client.get("/ResourceTypes/" + notAResource).status()).as(notAResource).isEqualTo(404);
        }
    }

    // ------------------------------------------------------------------ /Schemas (RFC 7643 section 7)

    @Test
    void serves_every_schema_a_resource_type_names_and_no_other() {
        Set<String> referenced = new HashSet<>();
        for (JsonNode type : client.get("/ResourceTypes").json().get("Resources")) {
            referenced.add(type.get("schema").asText());
            type.path("schemaExtensions").forEach(extension -> referenced.add(extension.get("schema").asText()));
        }

        Map<String, JsonNode> schemas = byId(client.get("/Schemas").json().get("Resources"));

        assertThat(schemas.keySet()).isEqualTo(referenced).containsExactlyInAnyOrder(CORE_USER, CORE_GROUP, NINJA);
        for (String urn : referenced) {
            Response alone = client.get("/Schemas/" + urn);
            assertThat(alone.status()).as(urn).isEqualTo(200);
            assertThat(alone.json().get("id").asText()).isEqualTo(urn);
        }
        assertThat(client.get("/Schemas/urn:gold:params:scim:schemas:extension:url:2.0:ResourceTypeFeatures").status())
                .isEqualTo(404);
    }

    @Test
    void describes_every_attribute_as_rfc_7643_section_7_requires() {
        for (JsonNode schema : client.get("/Schemas").json().get("Resources")) {
            assertThat(strings(schema.get("schemas"))).containsExactly(SCHEMA_SCHEMA);
            assertNoUndeclaredExtensions(schema);
            for (JsonNode attribute : attributes(schema)) {
                String name = schema.get("id").asText() + ":" + attribute.path("name").asText();
                assertThat(attribute.path("type").asText()).as(name).isIn(ATTRIBUTE_TYPES);
                for (String field : List.of("multiValued", "required", "caseExact")) {
                    assertThat(attribute.path(field).isBoolean()).as(name + " " + field).isTrue();
                }
                assertThat(attribute.path("mutability").asText()).as(name)
                        .isIn("readOnly", "readWrite", "immutable", "writeOnly");
                assertThat(attribute.path("returned").asText()).as(name).isIn("always", "never", "default", "request");
                assertThat(attribute.path("uniqueness").asText()).as(name).isIn("none", "server", "global");
                // referenceTypes belong to references, and every reference has them.
                assertThat(attribute.has("referenceTypes")).as(name)
                        .isEqualTo(attribute.path("type").asText().equals("reference"));
                assertThat(attribute.has("subAttributes")).as(name)
                        .isEqualTo(attribute.path("type").asText().equals("complex"));
            }
        }
    }

    @Test
    void gives_reference_types_and_canonical_values_as_the_rfc_does() {
        Map<String, JsonNode> schemas = byId(client.get("/Schemas").json().get("Resources"));

        assertThat(strings(attribute(schemas.get(CORE_GROUP), "members.$ref").get("referenceTypes")))
                .containsExactly("User", "Group");
        assertThat(strings(attribute(schemas.get(CORE_USER), "groups.$ref").get("referenceTypes")))
                .containsExactly("User", "Group");
        assertThat(strings(attribute(schemas.get(CORE_GROUP), "members.type").get("canonicalValues")))
                .containsExactly("User", "Group");
        assertThat(strings(attribute(schemas.get(CORE_USER), "groups.type").get("canonicalValues")))
                .containsExactly("direct", "indirect");
        assertThat(strings(attribute(schemas.get(NINJA), "userType").get("canonicalValues")))
                .containsExactly("technician", "endUser");
        assertThat(strings(attribute(schemas.get(CORE_USER), "profileUrl").get("referenceTypes")))
                .containsExactly("external");
    }

    @Test
    void service_provider_config_has_no_undeclared_extensions() {
        JsonNode config = client.get("/ServiceProviderConfig").json();

        assertThat(strings(config.get("schemas")))
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertNoUndeclaredExtensions(config);
    }

    // ------------------------------------------------------------------ RFC 7643 section 8

    @Test
    void takes_the_minimal_user_of_section_8_1_and_gives_it_back_core_schema_first() {
        Response created = client.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id": "2819c223-7f76-453a-919d-413861904646",
                 "userName": "Bjensen@example.com",
                 "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z",
                          "lastModified": "2011-05-13T04:42:34Z", "version": "W\\/\\"3694e05e9dff590\\"",
                          "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"}}""");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode read = client.get("/Users/" + created.json().get("id").asText()).json();
        assertThat(read.get("userName").asText()).isEqualTo("Bjensen@example.com");
        assertThat(read.at("/schemas/0").asText()).isEqualTo(CORE_USER);
        assertThat(read.at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(read.at("/meta/location").asText()).startsWith(scim.baseUrl() + "/Users/");
    }

    @Test
    void takes_the_full_user_of_section_8_2_and_gives_back_what_it_keeps() throws Exception {
        ObjectNode sent = (ObjectNode) JSON.readTree(FULL_USER);

        Response created = client.post("/Users", FULL_USER);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode read = client.get("/Users/" + created.json().get("id").asText()).json();
        // Kept as sent: every attribute but the write-only password, the read-only groups, the server's id and
        // meta, and the core userType, which the sandbox leaves to NinjaOne's extension (docs/sandbox.md).
        for (String attribute : List.of("externalId", "userName", "name", "displayName", "nickName", "profileUrl",
                "emails", "addresses", "phoneNumbers", "ims", "photos", "title", "preferredLanguage", "locale",
                "timezone", "active", "x509Certificates")) {
            assertThat(read.get(attribute)).as(attribute).isEqualTo(sent.get(attribute));
        }
        assertThat(read.has("password")).isFalse();
    }

    @Test
    void takes_the_group_of_section_8_4_with_its_members() {
        String babs = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen@example.com",
                 "displayName":"Babs Jensen"}""").json().get("id").asText();
        String mandy = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"mandy@example.com",
                 "displayName":"Mandy Pepperidge"}""").json().get("id").asText();

        Response created = client.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName": "Tour Guides",
                 "members": [
                   {"value": "%s", "$ref": "https://example.com/v2/Users/%s", "display": "Babs Jensen"},
                   {"value": "%s", "$ref": "https://example.com/v2/Users/%s", "display": "Mandy Pepperidge"}]}"""
                .formatted(babs, babs, mandy, mandy));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode read = client.get("/Groups/" + created.json().get("id").asText()).json();
        assertThat(read.get("displayName").asText()).isEqualTo("Tour Guides");
        List<String> members = new ArrayList<>();
        read.get("members").forEach(member -> members.add(member.get("value").asText() + " "
                + member.get("display").asText() + " " + member.get("type").asText() + " " + member.get("$ref").asText()));
        assertThat(members).containsExactlyInAnyOrder(
                babs + " Babs Jensen User " + scim.baseUrl() + "/Users/" + babs,
                mandy + " Mandy Pepperidge User " + scim.baseUrl() + "/Users/" + mandy);
    }

    /** RFC 7643 section 8.2, the full representation of a user, with a shorter certificate. */
    private static final String FULL_USER = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
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
              "nickName": "Babs",
              "profileUrl": "https://login.example.com/bjensen",
              "emails": [
                {"value": "bjensen@example.com", "type": "work", "primary": true},
                {"value": "babs@jensen.org", "type": "home"}
              ],
              "addresses": [
                {"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
                 "region": "CA", "postalCode": "91608", "country": "USA",
                 "formatted": "100 Universal City Plaza\\nHollywood, CA 91608 USA", "primary": true},
                {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood",
                 "region": "CA", "postalCode": "91608", "country": "USA",
                 "formatted": "456 Hollywood Blvd\\nHollywood, CA 91608 USA"}
              ],
              "phoneNumbers": [
                {"value": "555-555-5555", "type": "work"},
                {"value": "555-555-4444", "type": "mobile"}
              ],
              "ims": [{"value": "someaimhandle", "type": "aim"}],
              "photos": [
                {"value": "https://photos.example.com/profilephoto/72930000000Ccne/F", "type": "photo"},
                {"value": "https://photos.example.com/profilephoto/72930000000Ccne/T", "type": "thumbnail"}
              ],
              "userType": "Employee",
              "title": "Tour Guide",
              "preferredLanguage": "en-US",
              "locale": "en-US",
              "timezone": "America/Los_Angeles",
              "active": true,
              "password": "t1meMa$heen",
              "groups": [
                {"value": "e9e30dba-f08f-4109-8486-d5c6a331660a",
                 "$ref": "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
                 "display": "Tour Guides"}
              ],
              "x509Certificates": [{"value": "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"}],
              "meta": {
                "resourceType": "User",
                "created": "2010-01-23T04:56:22Z",
                "lastModified": "2011-05-13T04:42:34Z",
                "version": "W\\/\\"a330bc54f0671c9\\"",
                "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"
              }
            }""";

    // ------------------------------------------------------------------ helpers

    /** Every attribute that is a URN names a schema the document lists in {@code schemas}. */
    private static void assertNoUndeclaredExtensions(JsonNode document) {
        Set<String> declared = new HashSet<>(strings(document.get("schemas")));
        for (Iterator<String> names = document.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.startsWith("urn:")) {
                assertThat(declared).as("attribute %s of %s", name, document.path("id").asText()).contains(name);
            }
        }
    }

    private static Map<String, JsonNode> byId(JsonNode resources) {
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        resources.forEach(resource -> byId.put(resource.get("id").asText(), resource));
        return byId;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    /** Every attribute of a schema, sub-attributes too. */
    private static List<JsonNode> attributes(JsonNode schema) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode attribute : schema.get("attributes")) {
            all.add(attribute);
            attribute.path("subAttributes").forEach(all::add);
        }
        return all;
    }

    private static JsonNode attribute(JsonNode schema, String path) {
        String[] names = path.split("\\.");
        JsonNode attributes = schema.get("attributes");
        JsonNode found = null;
        for (String name : names) {
            found = null;
            for (JsonNode attribute : attributes) {
                if (attribute.get("name").asText().equals(name)) {
                    found = attribute;
                }
            }
            assertThat(found).as(path).isNotNull();
            attributes = found.path("subAttributes");
        }
        return found;
    }
}
