package dev.scimctl.scim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The status rules live in the exceptions' predicates; callers never compare a status themselves. */
class ScimExceptionPredicatesTest {
    private static final URI URI_ = URI.create("http://127.0.0.1:1/scim/v2/Schemas");

    @ParameterizedTest(name = "a SCIM error with {0}: not served {1}, not found {2}")
    @CsvSource({"404,true,true", "405,true,false", "501,true,false", "400,false,false", "500,false,false"})
    void a_scim_error_says_whether_the_endpoint_is_served(int status, boolean notServed, boolean notFound) {
        ScimErrorException e = new ScimErrorException("GET", URI_, status, null, "detail");
        assertThat(e.isNotServed()).isEqualTo(notServed);
        assertThat(e.isNotFound()).isEqualTo(notFound);
    }

    @ParameterizedTest(name = "a framework page with {0}: not served {1}")
    @CsvSource({"404,true", "405,true", "501,true", "200,false", "500,false", "0,false"})
    void a_page_that_is_not_scim_is_never_a_missing_resource(int status, boolean notServed) {
        ScimProtocolException e = new ScimProtocolException(URI_, status, "not SCIM", null);
        assertThat(e.isNotServed()).isEqualTo(notServed);
        assertThat(e.isNotFound()).as("an HTML 404 means the URL does not lead to SCIM, not that a user is missing")
                .isFalse();
    }
}
