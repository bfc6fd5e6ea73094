package dev.scimctl.scim.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.ScimJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain reading must give what Jackson's binding gives, or step aside. */
class ServiceProviderConfigTest {

    private static JsonNode json(String text) throws Exception {
        return ScimJson.mapper().readTree(text);
    }

    @Test
    void reads_plain_documents_as_jackson_binds_them() throws Exception {
        for (String doc : new String[]{
                "{}",
                "{\"patch\":{\"supported\":true},\"bulk\":{\"supported\":false,\"maxOperations\":1000,"
                        + "\"maxPayloadSize\":1048576},\"filter\":{\"supported\":true,\"maxResults\":200},"
                        + "\"changePassword\":{\"supported\":false},\"sort\":{\"supported\":false},"
                        + "\"etag\":{\"supported\":false},\"authenticationSchemes\":[{\"type\":\"oauthbearertoken\"}]}",
                "{\"patch\":null,\"filter\":{},\"sort\":{\"supported\":null},\"schemas\":[\"x\"]}"}) {
            JsonNode n = json(doc);
            assertThat(ServiceProviderConfig.readPlain(n)).as(doc)
                    .isEqualTo(ScimJson.mapper().treeToValue(n, ServiceProviderConfig.class));
        }
    }

    @Test
    void leaves_other_types_to_jackson() throws Exception {
        for (String doc : new String[]{"[]", "{\"patch\":{\"supported\":\"true\"}}", "{\"filter\":{\"maxResults\":\"5\"}}",
                "{\"filter\":{\"maxResults\":1.5}}", "{\"bulk\":true}", "{\"etag\":{\"supported\":1}}",
                "{\"filter\":{\"maxResults\":99999999999}}"}) {
            assertThat(ServiceProviderConfig.readPlain(json(doc))).as(doc).isNull();
        }
    }
}
