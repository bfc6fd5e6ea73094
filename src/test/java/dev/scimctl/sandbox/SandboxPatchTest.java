package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;
import dev.scimctl.testing.ScimServerExtension;

/** Every path form of RFC 7644 section 3.5.2, with add, replace and remove, on users and groups. */
class SandboxPatchTest {

    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

    @RegisterExtension
    static final ScimServerExtension scim = ScimServerExtension.create();

    private final RawScimClient client = new RawScimClient(scim.baseUrl(), scim.token());

    private static String patch(String operation) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";
    }

    private String createBabs() {
        Response created = client.post("/Users", """
                {"schemas":["%s","%s"],"userName":"bjensen@example.com",
                 "name":{"givenName":"Barbara","familyName":"Jensen"},"displayName":"Babs",
                 "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                           {"value":"babs@jensen.org","type":"home"}],
                 "%s":{"userType":"endUser"}}""".formatted(CORE, NINJA, NINJA));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static Stream<Arguments> userPatches() {
        return Stream.of(
                form("attribute", "{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Babs\"}",
                        user -> assertThat(user.get("nickName").asText()).isEqualTo("Babs")),
                form("sub-attribute", "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Barb\"}",
                        user -> assertThat(user.at("/name/givenName").asText()).isEqualTo("Barb")),
                form("core URN prefix", "{\"op\":\"replace\",\"path\":\"" + CORE + ":displayName\",\"value\":\"BJ\"}",
                        user -> assertThat(user.get("displayName").asText()).isEqualTo("BJ")),
                form("value filter and sub-attribute",
                        "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@example.com\"}",
                        user -> assertThat(user.toString()).contains("w@example.com").doesNotContain("\"bjensen@example.com\",\"type\":\"work\"")),
                form("value filter", "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}",
                        user -> assertThat(user.get("emails")).hasSize(1)),
                form("multi-valued add", "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"o@example.com\",\"type\":\"other\"}]}",
                        user -> assertThat(user.get("emails")).hasSize(3)),
                form("multi-valued remove without a filter removes all", "{\"op\":\"remove\",\"path\":\"emails\"}",
                        user -> assertThat(user.has("emails")).isFalse()),
                form("extension attribute by URN path",
                        "{\"op\":\"replace\",\"path\":\"" + NINJA + ":userType\",\"value\":\"technician\"}",
                        user -> assertThat(user.at("/" + NINJA + "/userType").asText()).isEqualTo("technician")),
                form("extension by URN path, value with schemas",
                        "{\"op\":\"add\",\"path\":\"" + NINJA + "\",\"value\":{\"schemas\":[\"" + NINJA
                                + "\"],\"userType\":\"technician\",\"organizationId\":\"7\"}}",
                        user -> assertThat(user.at("/" + NINJA + "/organizationId").asText()).isEqualTo("7")),
                form("no path, value with schemas and the extension",
                        "{\"op\":\"replace\",\"value\":{\"schemas\":[\"" + CORE + "\",\"" + NINJA + "\"],\"" + NINJA
                                + "\":{\"schemas\":[\"" + NINJA + "\"],\"userType\":\"technician\"},\"displayName\":\"B\"}}",
                        user -> assertThat(user.at("/" + NINJA + "/userType").asText() + user.get("displayName").asText())
                                .isEqualTo("technicianB")),
                form("no path, extension attribute by its full name",
                        "{\"op\":\"add\",\"value\":{\"" + NINJA + ":organizationId\":\"All\"}}",
                        user -> assertThat(user.at("/" + NINJA + "/organizationId").asText()).isEqualTo("All")),
                form("remove an extension attribute", "{\"op\":\"remove\",\"path\":\"" + NINJA + ":userType\"}",
                        user -> assertThat(user.at("/" + NINJA + "/userType").isMissingNode()).isTrue()),
                form("remove an extension attribute that has no value",
                        "{\"op\":\"remove\",\"path\":\"" + NINJA + ":organizationId\"}",
                        user -> assertThat(user.at("/" + NINJA + "/userType").asText()).isEqualTo("endUser")),
                form("remove a core attribute that has no value", "{\"op\":\"remove\",\"path\":\"nickName\"}",
                        user -> assertThat(user.get("userName").asText()).isEqualTo("bjensen@example.com")),
                form("boolean", "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}",
                        user -> assertThat(user.get("active").asBoolean()).isFalse()));
    }

    private static Arguments form(String name, String operation, Consumer<JsonNode> check) {
        return Arguments.of(name, operation, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userPatches")
    void applies_each_path_form_and_answers_with_the_user_core_schema_first(String form, String operation,
            Consumer<JsonNode> check) {
        String id = createBabs();

        Response response = client.patch("/Users/" + id, patch(operation));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().at("/schemas/0").asText()).isEqualTo(CORE);
        check.accept(response.json());
        check.accept(client.get("/Users/" + id).json());
    }

    @Test
    void a_replace_whose_filter_matches_nothing_is_no_target() {
        String id = createBabs();

        // RFC 7644 section 3.5.2.3: no record matched the valuePath filter.
        Response response = client.patch("/Users/" + id,
                patch("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"fax\\\"].value\",\"value\":\"f@example.com\"}"));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("noTarget");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongPatchSchemas")
    void a_patch_whose_schemas_is_not_the_patch_op_schema_is_invalid_syntax_and_changes_nothing(String schemas) {
        String id = createBabs();
        String body = "{" + schemas + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}]}";

        Response response = client.patch("/Users/" + id, body);

        // RFC 7644 section 3.5.2: the body MUST contain "schemas" with the PatchOp URI.
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(response.json().get("detail").asText()).contains("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        assertThat(client.get("/Users/" + id).json().get("displayName").asText()).isEqualTo("Babs");
    }

    static Stream<String> wrongPatchSchemas() {
        return Stream.of(
                "",
                "\"schemas\":[],",
                "\"schemas\":\"urn:ietf:params:scim:api:messages:2.0:PatchOp\",",
                "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],",
                "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\",\"urn:example:other\"],");
    }

    @Test
    void a_patch_op_schema_in_another_case_is_accepted() {
        String id = createBabs();

        Response response = client.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:patchop\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}]}");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongShapes")
    void a_value_of_the_wrong_shape_in_the_extension_is_invalid_value(String operation) {
        String id = createBabs();

        Response response = client.patch("/Users/" + id, patch(operation));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(client.get("/Users/" + id).json().at("/" + NINJA + "/userType").asText()).isEqualTo("endUser");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnlyTargets")
    void a_patch_of_a_read_only_attribute_is_mutability_and_changes_nothing(String operation) {
        String id = createBabs();
        JsonNode before = client.get("/Users/" + id).json();

        Response response = client.patch("/Users/" + id, patch(operation));

        // RFC 7644 section 3.5.2: a client MUST NOT modify a readOnly attribute; an operation that is not
        // compatible with the attribute's mutability SHALL be answered with an error (scimType mutability).
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("mutability");
        assertThat(client.get("/Users/" + id).json().at("/meta/version")).isEqualTo(before.at("/meta/version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownPaths")
    void a_patch_path_that_names_no_attribute_is_invalid_path(String operation) {
        String id = createBabs();

        Response response = client.patch("/Users/" + id, patch(operation));

        // RFC 7644 section 3.12: invalidPath, 'the "path" attribute was invalid or malformed'; invalidFilter is for
        // a filter.
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("invalidPath");
    }

    static Stream<String> unknownPaths() {
        return Stream.of(
                "{\"op\":\"replace\",\"path\":\"nosuch\",\"value\":\"x\"}",
                "{\"op\":\"add\",\"path\":\"name.nosuch\",\"value\":\"x\"}",
                // RFC 7644 section 3.5.2.2: a remove names an attribute too; one the resource type does not define is
                // invalidPath, whether or not anything could have been there.
                "{\"op\":\"remove\",\"path\":\"nosuch\"}",
                "{\"op\":\"remove\",\"path\":\"name.nosuch\"}",
                "{\"op\":\"remove\",\"path\":\"" + CORE + ":nosuch\"}",
                "{\"op\":\"remove\",\"path\":\"" + NINJA + ":nosuch\"}",
                "{\"op\":\"remove\",\"path\":\"nosuch[type eq \\\"work\\\"]\"}",
                "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].nosuch\"}");
    }

    @Test
    void a_remove_of_an_unknown_attribute_changes_nothing_else_in_the_request() {
        String id = createBabs();

        Response response = client.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"X\"},{\"op\":\"remove\",\"path\":\"nosuch\"}"));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("invalidPath");
        assertThat(response.json().get("detail").asText()).contains("nosuch");
        assertThat(client.get("/Users/" + id).json().get("displayName").asText()).isEqualTo("Babs");
    }

    @Test
    void a_remove_of_an_unknown_group_attribute_is_invalid_path() {
        String id = group();

        Response response = client.patch("/Groups/" + id, patch("{\"op\":\"remove\",\"path\":\"userName\"}"));

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().get("scimType").asText()).isEqualTo("invalidPath");
    }

    static Stream<String> readOnlyTargets() {
        return Stream.of(
                "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}",
                "{\"op\":\"replace\",\"path\":\"" + CORE + ":id\",\"value\":\"other\"}",
                "{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2000-01-01T00:00:00Z\"}",
                "{\"op\":\"remove\",\"path\":\"meta\"}",
                "{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g\"}]}");
    }

    static Stream<String> wrongShapes() {
        return Stream.of(
                "{\"op\":\"replace\",\"path\":\"" + NINJA + "\",\"value\":\"nope\"}",
                "{\"op\":\"replace\",\"path\":\"" + NINJA + ":userType\",\"value\":{\"a\":1}}",
                "{\"op\":\"replace\",\"value\":{\"" + NINJA + "\":\"nope\"}}",
                "{\"op\":\"add\",\"value\":{\"" + NINJA + "\":{\"userType\":[\"technician\",\"endUser\"]}}}");
    }

    // ------------------------------------------------------------------ groups

    private String group(String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        Response created = client.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides",
                 "members":[%s]}""".formatted(members));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void removing_members_without_a_filter_removes_them_all_and_is_no_error_on_an_empty_group() {
        String full = group(scim.seedUser("a@example.com"), scim.seedUser("b@example.com"));
        String empty = group();

        Response emptied = client.patch("/Groups/" + full, patch("{\"op\":\"remove\",\"path\":\"members\"}"));
        Response nothing = client.patch("/Groups/" + empty, patch("{\"op\":\"remove\",\"path\":\"members\"}"));

        assertThat(emptied.status()).as("%s", emptied).isEqualTo(200);
        assertThat(client.get("/Groups/" + full).json().path("members").size()).isZero();
        assertThat(nothing.status()).as("%s", nothing).isEqualTo(200);
        assertThat(nothing.json().get("displayName").asText()).isEqualTo("Tour Guides");
    }

    @Test
    void a_remove_whose_filter_matches_no_member_is_no_target_and_changes_nothing() {
        String a = scim.seedUser("a@example.com");
        String id = group(a);
        String empty = group();

        // RFC 7644 section 3.12: noTarget is for a path whose filter yields no match.
        for (String group : List.of(id, empty)) {
            Response response = client.patch("/Groups/" + group,
                    patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"no-such-id\\\"]\"}"));

            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertThat(response.json().get("scimType").asText()).isEqualTo("noTarget");
        }
        assertThat(client.get("/Groups/" + id).json().path("members").size()).isEqualTo(1);
    }

    @Test
    void adds_and_removes_one_member_by_value_filter() {
        String a = scim.seedUser("a@example.com");
        String b = scim.seedUser("b@example.com");
        String id = group(a);

        client.patch("/Groups/" + id, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"}]}"));
        Response removed = client.patch("/Groups/" + id,
                patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}"));

        assertThat(removed.status()).as("%s", removed).isEqualTo(200);
        JsonNode members = client.get("/Groups/" + id).json().get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("value").asText()).isEqualTo(b);
    }
}
