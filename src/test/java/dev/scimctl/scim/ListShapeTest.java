package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ListResponse page read as a stream of tokens: checked element by element, the first wrong one named. */
class ListShapeTest {
    private static final URI URL = URI.create("https://scim.example/v2/Users?startIndex=1&count=3");

    private static Pager.Page read(String body) throws IOException {
        // The parser the client uses: without a codec, so no ObjectMapper behind readValueAsTree.
        return ListShape.read(JsonTrees.parser(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), URL, 200,
                "Users");
    }

    @Test
    void reads_the_resources_and_total_whatever_the_field_order() throws IOException {
        Pager.Page p = read("{\"Resources\":[{\"id\":\"a\",\"userName\":\"a@x\"},{\"id\":7}],\"extra\":{\"deep\":[1,2]},"
                + "\"totalResults\":12,\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]}");
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.total()).isEqualTo(12);
        assertThat(p.resources().get(0).path("userName").asText()).isEqualTo("a@x");
    }

    @Test
    void takes_lower_case_resources_but_prefers_the_rfc_spelling() throws IOException {
        assertThat(read("{\"resources\":[{\"id\":\"a\"}]}").size()).isEqualTo(1);
        assertThat(read("{\"Resources\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"resources\":[{\"id\":\"c\"}]}").size())
                .isEqualTo(2);
        assertThat(read("{\"totalResults\":0,\"Resources\":null}").size()).isZero();
        assertThat(read("{\"totalResults\":null}").total()).isEqualTo(-1);
    }

    @Test
    void names_the_first_element_that_is_not_a_resource() {
        assertThatThrownBy(() -> read("{\"Resources\":[{\"id\":\"a\"},\"b\",{\"no\":\"id\"}]}"))
                .isInstanceOf(ScimProtocolException.class)
                .hasMessageContaining("\"Resources[1]\" is the string \"b\", not an object");
        assertThatThrownBy(() -> read("{\"Resources\":[{\"id\":\"a\"},{\"id\":\" \"}]}"))
                .hasMessageContaining("Resources[1] has no \"id\"");
        assertThatThrownBy(() -> read("{\"Resources\":{\"id\":\"a\"}}"))
                .hasMessageContaining("\"Resources\" is a");
    }

    @Test
    void counts_must_be_integers() {
        assertThatThrownBy(() -> read("{\"totalResults\":\"many\",\"Resources\":[]}"))
                .hasMessageContaining("\"totalResults\" is the string \"many\", not an integer");
        assertThatThrownBy(() -> read("{\"itemsPerPage\":1.5,\"Resources\":[]}"))
                .hasMessageContaining("\"itemsPerPage\"").hasMessageContaining("not an integer");
    }

    @Test
    void an_error_document_is_never_a_page_wherever_its_schemas_come() {
        assertThatThrownBy(() -> read("{\"detail\":\"token expired\",\"status\":\"401\",\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:Error\"]}"))
                .isInstanceOf(ScimProtocolException.class)
                .hasMessageContaining("answered an error with status 200")
                .hasMessageContaining("token expired");
    }

    @Test
    void a_body_that_is_not_an_object_or_not_json_is_refused() {
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("not a SCIM object");
        assertThatThrownBy(() -> read("{\"Resources\":[{\"id\":\"a\"}")).isInstanceOf(IOException.class);
    }
}
