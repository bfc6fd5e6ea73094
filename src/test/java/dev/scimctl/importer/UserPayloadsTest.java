package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.model.PatchOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserPayloadsTest {
    private static final UserPayloads STRING = new UserPayloads(OrganizationIdType.STRING);
    private static final UserPayloads INTEGER = new UserPayloads(OrganizationIdType.INTEGER);

    @Test
    void a_user_without_extension_values_lists_only_the_core_schema() {
        ObjectNode body = STRING.create(ImportRow.of(2, " ada@example.com ", "Ada", "Lovelace", "", "", List.of()));
        assertThat(body.toString()).isEqualTo("{\"schemas\":[\"" + ScimJson.CORE_USER + "\"],"
                + "\"userName\":\"ada@example.com\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
                + "\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true}],\"active\":true}");
    }

    @Test
    void the_extension_is_sent_with_its_schema_and_all_stays_a_string_even_for_an_integer_server() {
        ObjectNode body = INTEGER.create(ImportRow.of(2, "a@x.io", "A", "B", "endUser", "ALL", List.of()));
        assertThat(body.path("schemas")).extracting(JsonNode::asText)
                .containsExactly(ScimJson.CORE_USER, ScimJson.NINJAONE_USER);
        JsonNode ext = body.path(ScimJson.NINJAONE_USER);
        assertThat(ext.path("userType").asText()).isEqualTo("endUser");
        assertThat(ext.path("organizationId").isTextual()).isTrue();
        assertThat(ext.path("organizationId").asText()).isEqualTo("All");
    }

    @Test
    void an_organization_id_is_a_number_where_the_schema_types_it_so_and_a_string_otherwise() {
        ImportRow row = ImportRow.of(2, "a@x.io", "A", "B", "endUser", "0101", List.of());
        assertThat(INTEGER.create(row).path(ScimJson.NINJAONE_USER).path("organizationId").isInt()).isTrue();
        assertThat(INTEGER.create(row).path(ScimJson.NINJAONE_USER).path("organizationId").intValue()).isEqualTo(101);
        assertThat(STRING.create(row).path(ScimJson.NINJAONE_USER).path("organizationId").textValue()).isEqualTo("101");
    }

    @Test
    void a_patch_replaces_each_changed_attribute_on_its_path() {
        PatchOp op = STRING.patch(List.of(new Change(UserAttribute.FAMILY_NAME, "One", "Uno"),
                new Change(UserAttribute.ORGANIZATION_ID, "", "12"), new Change(UserAttribute.ACTIVE, "true", "false")));
        assertThat(op.operations()).extracting(PatchOp.Operation::op).containsOnly("replace");
        assertThat(op.operations()).extracting(PatchOp.Operation::path).containsExactly("name.familyName",
                ScimJson.NINJAONE_USER + ":organizationId", "active");
        assertThat(op.operations().get(2).value().isBoolean()).isTrue();
    }

    @Test
    void a_put_body_is_the_server_user_with_the_changes_and_without_read_only_parts() {
        ObjectNode current = (ObjectNode) ScimJson.mapper().valueToTree(java.util.Map.of(
                "schemas", List.of(ScimJson.CORE_USER), "id", "u1", "userName", "a@x.io",
                "meta", java.util.Map.of("version", "W/\"1\""), "groups", List.of(),
                "name", java.util.Map.of("givenName", "A", "familyName", "B")));
        ObjectNode put = STRING.replace(current, List.of(new Change(UserAttribute.USER_TYPE, "", "technician")));
        assertThat(put.has("meta")).isFalse();
        assertThat(put.has("groups")).isFalse();
        assertThat(put.path("name").path("givenName").asText()).isEqualTo("A");
        assertThat(put.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("technician");
        assertThat(put.path("schemas")).extracting(JsonNode::asText).contains(ScimJson.NINJAONE_USER);
        assertThat(current.has("meta")).isTrue(); // the plan's copy is untouched
    }
}
