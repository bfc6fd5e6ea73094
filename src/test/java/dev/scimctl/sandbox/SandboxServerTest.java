package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;
import dev.scimctl.testing.ScimServerExtension;

/** The sandbox over HTTP, with its default capabilities (all on) and a page size of 100. */
class SandboxServerTest {

    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    @RegisterExtension
    static final ScimServerExtension scim = ScimServerExtension.create(server -> server.maxPageSize(100));

    private final RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

    static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","name":{"givenName":"Ada","familyName":"Lovelace"},
                 "emails":[{"value":"%s","type":"work","primary":true}]}""".formatted(userName, userName);
    }

    static String ninjaUser(String userName, String extensionFields) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","%s":{%s}}""".formatted(NINJA, userName, NINJA, extensionFields);
    }

    static String patch(String operations) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[%s]}""".formatted(operations);
    }

    private String create(String json) {
        Response created = client.post("/Users", json);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void assertScimError(Response response, int status, String scimType) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.json().path("status").asText()).isEqualTo(String.valueOf(status));
        if (scimType != null) {
            assertThat(response.json().path("scimType").asText()).isEqualTo(scimType);
        }
    }

    // ------------------------------------------------------------------ CRUD

    @Test
    void creates_a_user_with_a_location_header_and_an_absolute_meta_location() {
        Response created = client.post("/Users", user("ada@example.com"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        String id = created.json().get("id").asText();
        String location = scim.baseUrl() + "/Users/" + id;
        assertThat(created.header("Location")).isEqualTo(location);
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(location);
        assertThat(created.json().at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(scim.store().user(id)).isPresent();
    }

    @Test
    void a_create_ignores_the_meta_and_id_a_client_sends_as_rfc_7643_makes_them_read_only() {
        // 'users create --from' sends a file 'users get -o json' wrote: another user's id and meta.location in it.
        for (String endpoint : List.of("/Users", "/Groups")) {
            String body = endpoint.equals("/Users")
                    ? "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"meta@example.com\","
                    : "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Meta\",";
            Response created = client.post(endpoint, body + "\"id\":\"other\",\"meta\":{\"location\":"
                    + "\"http://elsewhere.example/x\",\"version\":\"W/\\\"99\\\"\",\"created\":\"2000-01-01T00:00:00Z\"}}");
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(id).isNotEqualTo("other");
            assertThat(created.json().at("/meta/location").asText()).isEqualTo(scim.baseUrl() + endpoint + "/" + id);
            assertThat(created.json().at("/meta/created").asText()).doesNotStartWith("2000");
        }
    }

    @Test
    void reads_replaces_and_deletes_a_user() {
        String id = create(user("ada@example.com"));

        Response read = client.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/name/familyName").asText()).isEqualTo("Lovelace");

        Response replaced = client.put("/Users/" + id, user("ada.lovelace@example.com"));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().get("userName").asText()).isEqualTo("ada.lovelace@example.com");
        assertThat(replaced.json().at("/meta/created").asText()).isEqualTo(read.json().at("/meta/created").asText());

        assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);
        assertScimError(client.get("/Users/does-not-exist"), 404, null);
    }

    @Test
    void refuses_a_create_or_replace_whose_schemas_do_not_name_the_resources_core_schema() {
        String id = create(user("kept@example.com"));
        List<String> bodies = List.of(
                "{\"userName\":\"noschemas@example.com\"}",
                "{\"schemas\":[],\"userName\":\"empty@example.com\"}",
                "{\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"userName\":\"text@example.com\"}",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"userName\":\"group@example.com\"}");
        for (String body : bodies) {
            // RFC 7643 section 3: schemas is REQUIRED and names the resource's schemas.
            assertScimError(client.post("/Users", body), 400, "invalidSyntax");
            assertScimError(client.put("/Users/" + id, body), 400, "invalidSyntax");
        }
        assertScimError(client.post("/Groups", "{\"displayName\":\"No schemas\"}"), 400, "invalidSyntax");
        assertThat(scim.store().userCount()).isEqualTo(1);
        assertThat(scim.store().user(id).orElseThrow().get("userName").asText()).isEqualTo("kept@example.com");
    }

    @Test
    void does_not_keep_or_return_a_password() {
        String id = create("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"p@example.com","password":"s3cret!"}""");

        assertThat(client.get("/Users/" + id).text()).doesNotContain("s3cret");
        assertThat(scim.store().user(id).orElseThrow().has("password")).isFalse();
    }

    @Test
    void requires_a_userName() {
        Response response = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"name":{"givenName":"No"}}""");

        assertScimError(response, 400, null);
        assertThat(scim.store().userCount()).isZero();
    }

    @Test
    void accepts_application_json_as_the_content_type() {
        Response created = client.send("POST", "/Users", user("json@example.com"),
                Map.of("Content-Type", "application/json; charset=utf-8"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
    }

    @Test
    void deletes_a_user_so_that_get_filter_patch_and_a_second_delete_answer_as_after_a_removal() {
        String id = create(user("leaver@example.com"));

        assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);

        // RFC 7644 section 3.6: the deleted resource is no longer returned.
        assertScimError(client.get("/Users/" + id), 404, null);
        Response filtered = client.get("/Users?filter=" + RawScimClient.encode("userName eq \"leaver@example.com\""));
        assertThat(filtered.json().get("totalResults").asInt()).isZero();
        assertThat(filtered.json().get("Resources")).isEmpty();
        assertScimError(client.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")),
                404, null);
        assertScimError(client.delete("/Users/" + id), 404, null);
        // The userName is free again.
        assertThat(create(user("LEAVER@example.com"))).isNotEqualTo(id);
    }

    // ------------------------------------------------------------------ authentication and routing

    @ParameterizedTest
    @ValueSource(strings = {"/Users/Users", "/Users/Groups", "/Groups/Users", "/Users/ServiceProviderConfig",
            "/Users/some-id/emails", "/ServiceProviderConfig/x", "/Schemas/urn:x/y"})
    void answers_404_for_a_path_under_an_endpoint_that_names_no_resource(String path) {
        scim.seedUser("listed@example.com");

        Response response = client.get(path);

        assertScimError(response, 404, null);
        assertThat(response.text()).doesNotContain("listed@example.com");
    }

    @Test
    void says_which_base_url_to_use_when_one_ends_in_users() {
        Response response = client.get("/Users/Users");

        assertThat(response.json().get("detail").asText()).contains("/Users on the end of the base URL")
                .contains("/scim/v2");
    }

    @Test
    void answers_count_0_with_the_total_and_an_empty_resources_list() {
        scim.seedUsers(3);
        scim.seedGroup("Tour Guides");

        JsonNode users = client.get("/Users?count=0").json();
        JsonNode groups = client.get("/Groups?count=0&filter=" + RawScimClient.encode("displayName eq \"Tour Guides\"")).json();

        assertThat(users.get("totalResults").asInt()).isEqualTo(3);
        assertThat(users.get("Resources").isArray()).isTrue();
        assertThat(users.get("Resources")).isEmpty();
        assertThat(groups.get("totalResults").asInt()).isEqualTo(1);
        assertThat(groups.get("Resources")).isEmpty();
    }

    @Test
    void tells_a_client_without_the_right_token_that_it_is_a_sandbox() {
        Response response = new RawScimClient(scim.baseUrl(), "not-the-token").get("/Users");

        assertScimError(response, 401, null);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"scimctl-sandbox\"");
        assertThat(response.json().get("detail").asText()).startsWith("scimctl sandbox:").contains("token");
    }

    @Test
    void answers_401_with_a_scim_error_without_a_token() {
        Response response = new RawScimClient(scim.baseUrl(), null).get("/Users");

        assertScimError(response, 401, null);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void answers_401_to_a_wrong_token_even_on_discovery_endpoints() {
        RawScimClient wrongToken = new RawScimClient(scim.baseUrl(), scim.token() + "x");

        assertScimError(wrongToken.get("/Users"), 401, null);
        assertScimError(wrongToken.get("/ServiceProviderConfig"), 401, null);
        assertScimError(wrongToken.post("/Users", user("x@example.com")), 401, null);
        assertThat(scim.store().userCount()).isZero();
    }

    @Test
    void accepts_the_bearer_scheme_in_any_case() {
        Response response = client.get("/Users", Map.of("Authorization", "bearer " + scim.token()));

        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'a@example.com','active':'yes'} | invalidValue",
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':5} | invalidValue",
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'name':{'givenName':'No'}} | invalidValue",
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'a@example.com','emails':'x'} | invalidValue",
            "PATCH | /Users/{user} | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace','path':'active','value':'no'}]} | invalidValue",
            "PATCH | /Users/{user} | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'add','path':'name','value':5}]} | invalidValue",
            "GET | /Users?count=99999999999999 | | invalidValue",
            "GET | /Users?startIndex=first | | invalidValue",
            "GET | /Users?sortBy=userName&sortOrder=sideways | | invalidValue",
            "POST | /Users | {not json | invalidSyntax",
            "POST | /Groups | [1] | invalidSyntax",
            "PATCH | /Users/{user} | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'frobnicate','path':'active','value':false}]} | invalidSyntax",
            "PATCH | /Users/{user} | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']} | invalidSyntax"})
    void gives_every_400_a_scim_type_of_rfc_7644(String method, String path, String body, String scimType) {
        String user = scim.seedUser("kept@example.com");

        Response response = client.send(method, path.replace("{user}", user), body == null ? null : body.replace('\'', '"'),
                Map.of());

        // RFC 7644 section 3.12: a 400 carries one of its scimTypes; the SDK left some out (a value of the wrong type,
        // a count it cannot parse) and used its own for others (unparseableRequest, invalidParameters).
        assertScimError(response, 400, scimType);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'a@example.com','active':'yes'} | 400",
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'name':{'givenName':'No'}} | 400",
            "POST | /Groups | [1] | 400",
            "POST | /Users | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'KEPT@example.com'} | 409",
            "PATCH | /Users/{user} | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'add','path':'emails','value':'x'}]} | 400",
            "GET | /Users/no-such-id | | 404",
            "DELETE | /Users | | 405"})
    void answers_errors_with_the_members_of_an_rfc_7644_error_document_only(String method, String path, String body,
            int status) {
        String user = scim.seedUser("kept@example.com");

        Response response = client.send(method, path.replace("{user}", user), body == null ? null : body.replace('\'', '"'),
                Map.of());

        // RFC 7644 section 3.12: schemas, status (a string), scimType (where there is one) and detail. The SDK added a
        // member of its own, "errors", repeating the detail per field.
        assertScimError(response, status, null);
        List<String> members = new ArrayList<>();
        response.json().fieldNames().forEachRemaining(members::add);
        assertThat(members).as("%s", response).isSubsetOf("schemas", "status", "scimType", "detail").contains("detail");
        assertThat(response.json().get("status").isTextual()).isTrue();
        assertThat(response.json().get("schemas")).hasSize(1);
    }

    @Test
    void names_every_wrong_value_in_the_detail() {
        Response response = client.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":5,"active":"yes","emails":"x"}""");

        assertScimError(response, 400, "invalidValue");
        assertThat(response.json().get("detail").asText()).contains("User:userName").contains("User:active")
                .contains("User:emails");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DELETE, /Users, 'GET, POST'",
            "PUT, /Users, 'GET, POST'",
            "PATCH, /Users, 'GET, POST'",
            "DELETE, /Groups/, 'GET, POST'",
            "PUT, /Groups, 'GET, POST'",
            "POST, /Users/{user}, 'GET, PUT, PATCH, DELETE'",
            "POST, /Groups/{group}, 'GET, PUT, PATCH, DELETE'",
            "DELETE, /Users/.search, POST",
            "PUT, /Groups/.search, POST",
            "DELETE, /Schemas, GET",
            "PUT, /ResourceTypes, GET",
            "POST, /ServiceProviderConfig, GET",
            "DELETE, /ResourceTypes/User, GET"})
    void answers_405_with_the_allowed_methods_to_a_method_its_target_does_not_take(String method, String path,
            String allowed) {
        String user = scim.seedUser("kept@example.com");
        String group = scim.seedGroup("Kept");
        String body = method.equals("DELETE") ? null : patch("{\"op\":\"remove\",\"path\":\"displayName\"}");

        Response response = client.send(method, path.replace("{user}", user).replace("{group}", group), body, Map.of());

        // RFC 9110 section 15.5.6 (RFC 7644 section 3.12 leaves statuses outside its table to HTTP): the method is not
        // one the target resource supports; the SDK answered 400 with invalidParameters, not a scimType of RFC 7644.
        assertScimError(response, 405, null);
        assertThat(response.json().has("scimType")).as("%s", response).isFalse();
        assertThat(response.header("Allow")).isEqualTo(allowed);
        assertThat(scim.store().userCount()).isEqualTo(1);
        assertThat(scim.store().groupCount()).isEqualTo(1);
    }

    @Test
    void answers_404_outside_the_scim_endpoints_and_501_for_bulk() {
        assertScimError(client.get("/Nope"), 404, null);
        assertScimError(client.post("/Bulk", "{}"), 501, null);
    }

    @Test
    void serves_the_discovery_endpoints_with_the_ninjaone_extension() {
        Response config = client.get("/ServiceProviderConfig");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.json().at("/filter/supported").asBoolean()).isTrue();
        assertThat(config.json().at("/filter/maxResults").asInt()).isEqualTo(100);
        assertThat(config.json().at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.json().at("/sort/supported").asBoolean()).isTrue();
        assertThat(config.json().at("/bulk/supported").asBoolean()).isFalse();
        assertThat(config.json().at("/authenticationSchemes/0/type").asText()).isEqualTo("oauthbearertoken");

        Response schema = client.get("/Schemas/" + NINJA);
        assertThat(schema.status()).as("%s", schema).isEqualTo(200);
        assertThat(schema.json().findValuesAsText("name")).contains("userType", "organizationId");

        Response types = client.get("/ResourceTypes/User");
        assertThat(types.json().at("/schemaExtensions/0/schema").asText()).isEqualTo(NINJA);
        assertThat(client.get("/ResourceTypes/Group").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ filters, uniqueness

    @Test
    void finds_a_user_by_userName_ignoring_case() {
        String id = create(user("Ada.Lovelace@Example.com"));
        create(user("grace@example.com"));

        Response found = client.get("/Users?filter=" + RawScimClient.encode("userName eq \"ada.lovelace@EXAMPLE.com\""));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().at("/Resources/0/id").asText()).isEqualTo(id);
    }

    @Test
    void filters_on_the_ninjaone_user_type_with_and_without_the_schema_urn() {
        String technician = create(ninjaUser("tech@example.com", "\"userType\":\"Technician\""));
        create(ninjaUser("end@example.com", "\"userType\":\"endUser\",\"organizationId\":\"7\""));
        create(user("plain@example.com")); // no extension at all: the SDK's filter used to fail on such users

        for (String filter : List.of(NINJA + ":userType eq \"technician\"", "userType eq \"technician\"")) {
            Response found = client.get("/Users?filter=" + RawScimClient.encode(filter));
            assertThat(found.status()).as("%s: %s", filter, found).isEqualTo(200);
            assertThat(found.json().get("totalResults").asInt()).as(filter).isEqualTo(1);
            assertThat(found.json().at("/Resources/0/id").asText()).isEqualTo(technician);
        }
        Response byOrganization = client.get("/Users?filter=" + RawScimClient.encode(NINJA + ":organizationId eq \"7\""));
        assertThat(byOrganization.json().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void refuses_a_second_user_with_the_same_userName_in_another_case() {
        create(user("ada@example.com"));

        assertScimError(client.post("/Users", user("ADA@Example.COM")), 409, "uniqueness");
        assertThat(scim.store().userCount()).isEqualTo(1);
    }

    @Test
    void refuses_a_replace_that_takes_another_users_userName() {
        create(user("ada@example.com"));
        String grace = create(user("grace@example.com"));

        assertScimError(client.put("/Users/" + grace, user("Ada@example.com")), 409, "uniqueness");
        assertThat(scim.store().user(grace).orElseThrow().get("userName").asText()).isEqualTo("grace@example.com");
    }

    @Test
    void refuses_a_patch_that_takes_another_users_userName() {
        create(user("ada@example.com"));
        String grace = create(user("grace@example.com"));

        Response response = client.patch("/Users/" + grace,
                patch("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"ADA@example.com\"}"));

        assertScimError(response, 409, "uniqueness");
    }

    @Test
    void lets_a_user_change_the_case_of_its_own_userName() {
        String id = create(user("ada@example.com"));

        Response replaced = client.put("/Users/" + id, user("Ada@Example.com"));

        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().get("userName").asText()).isEqualTo("Ada@Example.com");
    }

    // ------------------------------------------------------------------ NinjaOne rules

    @ParameterizedTest
    @ValueSource(strings = {"enduser", "EndUser", "ENDUSER"})
    void refuses_lowercase_enduser_with_invalid_value(String userType) {
        Response response = client.post("/Users", ninjaUser("e@example.com", "\"userType\":\"" + userType + "\""));

        assertScimError(response, 400, "invalidValue");
        assertThat(response.json().get("detail").asText()).contains("\"endUser\" is case-sensitive");
        assertThat(scim.store().userCount()).isZero();
    }

    @Test
    void refuses_the_rest_api_spelling_END_USER_and_says_so() {
        Response response = client.post("/Users", ninjaUser("e@example.com", "\"userType\":\"END_USER\""));

        assertScimError(response, 400, "invalidValue");
        assertThat(response.json().get("detail").asText()).contains("REST API").contains("endUser");
    }

    @Test
    void refuses_an_unknown_user_type() {
        assertScimError(client.post("/Users", ninjaUser("e@example.com", "\"userType\":\"admin\"")), 400, "invalidValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"technician", "Technician", "TECHNICIAN", "endUser"})
    void accepts_technician_in_any_case_and_endUser_exactly(String userType) {
        Response created = client.post("/Users", ninjaUser("ok@example.com", "\"userType\":\"" + userType + "\""));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path(NINJA).path("userType").asText()).isEqualTo(userType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "\"-4\"", "\"abc\"", "\"1,2\"", "\" 12\"", "\"2147483648\"", "0", "-4", "1.5", "true"})
    void refuses_an_organization_id_that_is_not_All_or_a_positive_integer(String organizationId) {
        Response response = client.post("/Users", ninjaUser("o@example.com", "\"organizationId\":" + organizationId));

        assertScimError(response, 400, "invalidValue");
        assertThat(scim.store().userCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"All\"", "\"all\"", "\"ALL\"", "\"\"", "\"42\"", "42", "2147483647"})
    void accepts_All_in_any_case_or_a_positive_integer_as_the_organization_id(String organizationId) {
        Response created = client.post("/Users", ninjaUser("o@example.com", "\"organizationId\":" + organizationId));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void stores_a_numeric_organization_id_as_a_string() {
        Response created = client.post("/Users", ninjaUser("o@example.com", "\"organizationId\":42"));

        assertThat(created.json().path(NINJA).path("organizationId").isTextual()).isTrue();
        assertThat(created.json().path(NINJA).path("organizationId").asText()).isEqualTo("42");
    }

    @Test
    void refuses_an_invalid_user_type_in_a_patch_and_leaves_the_user_unchanged() {
        String id = create(ninjaUser("p@example.com", "\"userType\":\"endUser\""));

        Response response = client.patch("/Users/" + id,
                patch("{\"op\":\"replace\",\"path\":\"" + NINJA + ":userType\",\"value\":\"End_User\"}"));

        assertScimError(response, 400, "invalidValue");
        assertThat(scim.store().user(id).orElseThrow().path(NINJA).path("userType").asText()).isEqualTo("endUser");
    }

    @Test
    void patches_the_organization_id_given_as_a_number() {
        String id = create(ninjaUser("p@example.com", "\"userType\":\"endUser\""));

        Response response = client.patch("/Users/" + id,
                patch("{\"op\":\"replace\",\"path\":\"" + NINJA + ":organizationId\",\"value\":9}"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(scim.store().user(id).orElseThrow().path(NINJA).path("organizationId").asText()).isEqualTo("9");
    }

    @Test
    void deactivates_a_user_with_patch() {
        String id = create(user("p@example.com"));

        Response response = client.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("active").asBoolean()).isFalse();
        assertThat(response.json().at("/meta/location").asText()).isEqualTo(scim.baseUrl() + "/Users/" + id);
    }

    // ------------------------------------------------------------------ groups

    @Test
    void adds_and_removes_a_group_member_with_patch() {
        String ada = scim.seedUser("ada@example.com");
        String grace = scim.seedUser("grace@example.com");
        Response created = client.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Technicians",
                 "members":[{"value":"%s"}]}""".formatted(ada));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String group = created.json().get("id").asText();
        assertThat(created.json().at("/members/0/$ref").asText()).isEqualTo(scim.baseUrl() + "/Users/" + ada);
        assertThat(created.json().at("/members/0/display").asText()).isEqualTo("ada@example.com");

        Response added = client.patch("/Groups/" + group,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}".formatted(grace)));
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(ada, grace);

        Response removed = client.patch("/Groups/" + group,
                patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"%s\\\"]\"}".formatted(ada)));
        assertThat(removed.status()).as("%s", removed).isIn(200, 204);
        assertThat(memberIds(group)).containsExactly(grace);
    }

    @Test
    void renames_a_group_with_patch() {
        String group = scim.seedGroup("Old name");

        Response renamed = client.patch("/Groups/" + group,
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"New name\"}"));

        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(client.get("/Groups/" + group).json().get("displayName").asText()).isEqualTo("New name");
    }

    @Test
    void removes_a_member_with_the_path_less_form_entra_sends() {
        String ada = scim.seedUser("ada@example.com");
        String grace = scim.seedUser("grace@example.com");
        String group = scim.seedGroup("Technicians", ada, grace);

        Response removed = client.patch("/Groups/" + group,
                patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}".formatted(ada)));

        assertThat(removed.status()).as("%s", removed).isIn(200, 204);
        assertThat(memberIds(group)).containsExactly(grace);
    }

    @Test
    void refuses_a_group_member_that_does_not_exist() {
        Response response = client.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ghosts",
                 "members":[{"value":"no-such-user"}]}""");

        assertScimError(response, 400, "invalidValue");
        assertThat(scim.store().groupCount()).isZero();
    }

    @Test
    void finds_a_group_by_display_name() {
        String group = scim.seedGroup("Helpdesk Technicians");
        scim.seedGroup("End users");

        Response found = client.get("/Groups?filter=" + RawScimClient.encode("displayName eq \"helpdesk technicians\""));

        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().at("/Resources/0/id").asText()).isEqualTo(group);
    }

    private List<String> memberIds(String group) {
        List<String> ids = new ArrayList<>();
        client.get("/Groups/" + group).json().path("members").forEach(member -> ids.add(member.get("value").asText()));
        return ids;
    }

    // ------------------------------------------------------------------ ETags

    @Test
    void refuses_an_update_with_a_stale_etag_with_412() {
        String id = create(user("etag@example.com"));
        Response read = client.get("/Users/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank().isEqualTo(read.json().at("/meta/version").asText());

        Response first = client.put("/Users/" + id, user("etag2@example.com"), Map.of("If-Match", etag));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag).isEqualTo(first.json().at("/meta/version").asText());

        Response stale = client.put("/Users/" + id, user("etag3@example.com"), Map.of("If-Match", etag));
        assertScimError(stale, 412, null);
        Response stalePatch = client.patch("/Users/" + id,
                patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), Map.of("If-Match", etag));
        assertScimError(stalePatch, 412, null);
        assertThat(scim.store().user(id).orElseThrow().get("userName").asText()).isEqualTo("etag2@example.com");
    }

    @Test
    void refuses_a_delete_with_a_stale_etag_with_412() {
        String id = create(user("etag@example.com"));
        String etag = client.get("/Users/" + id).header("ETag");
        client.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}"));

        assertScimError(client.send("DELETE", "/Users/" + id, null, Map.of("If-Match", etag)), 412, null);
        assertThat(scim.store().user(id).orElseThrow().get("active").asBoolean()).isTrue();
    }

    @Test
    void takes_if_match_star_as_any_current_version_and_answers_412_only_where_there_is_none() {
        String id = create(user("star@example.com"));
        Map<String, String> any = Map.of("If-Match", "*");

        Response put = client.put("/Users/" + id, user("star2@example.com"), any);
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        Response patched = client.patch("/Users/" + id,
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}"), any);
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        Response deleted = client.send("DELETE", "/Users/" + id, null, any);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        // RFC 9110 section 13.1.1: '*' is false when there is no current representation.
        assertThat(client.send("DELETE", "/Users/" + id, null, any).status()).isIn(404, 412);
    }

    @Test
    void answers_304_to_a_get_whose_if_none_match_is_current() {
        String id = create(user("etag@example.com"));
        String etag = client.get("/Users/" + id).header("ETag");

        Response response = client.get("/Users/" + id, Map.of("If-None-Match", etag));

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.text()).isEmpty();
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"\"{n}\"", "W/\"{n}\"", "\"0\", W/\"{n}\"", "W/\"0\",\"{n}\"", "*"})
    void compares_if_none_match_weakly_and_answers_304_when_any_tag_is_current(String condition) {
        String id = create(user("weak@example.com"));
        String group = scim.seedGroup("Weak");
        String revision = client.get("/Users/" + id).header("ETag").replaceAll("\\D", "");
        String groupRevision = client.get("/Groups/" + group).header("ETag").replaceAll("\\D", "");

        Response user = client.get("/Users/" + id, Map.of("If-None-Match", condition.replace("{n}", revision)));
        Response other = client.get("/Groups/" + group, Map.of("If-None-Match", condition.replace("{n}", groupRevision)));

        // RFC 9110 section 13.1.2: If-None-Match uses the weak comparison, so "2" matches W/"2"; it takes a list, and
        // "*" matches any current representation.
        assertThat(user.status()).as("%s", user).isEqualTo(304);
        assertThat(user.text()).isEmpty();
        assertThat(other.status()).as("%s", other).isEqualTo(304);
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"\"0\"", "W/\"0\", \"99\""})
    void answers_a_get_whose_if_none_match_names_no_current_tag_in_full(String condition) {
        String id = create(user("weak@example.com"));

        Response response = client.get("/Users/" + id, Map.of("If-None-Match", condition));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("userName").asText()).isEqualTo("weak@example.com");
    }

    // ------------------------------------------------------------------ paging and sorting

    @Test
    void searches_with_post_dot_search() {
        create(user("ada@example.com"));
        create(user("grace@example.com"));

        Response found = client.post("/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"userName eq \\"GRACE@example.com\\"","startIndex":1,"count":10}""");

        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().at("/Resources/0/userName").asText()).isEqualTo("grace@example.com");
    }

    @Test
    void pages_through_250_users_with_a_max_page_size_of_100() {
        List<String> seeded = scim.seedUsers(250);

        Set<String> seen = new HashSet<>();
        int startIndex = 1;
        int pages = 0;
        while (true) {
            Response page = client.get("/Users?startIndex=" + startIndex + "&count=500");
            JsonNode json = page.json();
            assertThat(json.get("totalResults").asInt()).isEqualTo(250);
            assertThat(json.get("startIndex").asInt()).isEqualTo(startIndex);
            int items = json.path("Resources").size();
            assertThat(items).isLessThanOrEqualTo(100).isEqualTo(json.get("itemsPerPage").asInt());
            json.path("Resources").forEach(user -> seen.add(user.get("id").asText()));
            pages++;
            if (items == 0 || startIndex + items > 250) {
                break;
            }
            startIndex += items;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(seeded);
    }

    @Test
    void answers_count_zero_with_the_total_only() {
        scim.seedUsers(5);

        JsonNode json = client.get("/Users?count=0").json();

        assertThat(json.get("totalResults").asInt()).isEqualTo(5);
        assertThat(json.path("Resources").size()).isZero();
    }

    @Test
    void sorts_by_userName_descending() {
        scim.seedUser("b@example.com");
        scim.seedUser("c@example.com");
        scim.seedUser("a@example.com");

        JsonNode json = client.get("/Users?sortBy=userName&sortOrder=descending").json();

        assertThat(json.path("Resources").findValuesAsText("userName"))
                .containsExactly("c@example.com", "b@example.com", "a@example.com");
    }
}
