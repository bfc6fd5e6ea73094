package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    private static JsonNode user(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode ALICE = user("{'id':'1','userName':'Alice@Example.com','active':true,"
            + "'name':{'givenName':'Alice','familyName':'OHara'},"
            + "'emails':[{'value':'alice@example.com','type':'work','primary':true},{'value':'a@home.example','type':'home'}],"
            + "'" + EXT + "':{'userType':'technician','organizationId':7},"
            + "'meta':{'created':'2026-01-02T03:04:05Z'}}");

    private static boolean matches(String filter, JsonNode resource) {
        return FilterMatcher.parse(filter).test(resource);
    }

    @Test
    void compares_strings_ignoring_case_with_every_operator() {
        assertThat(matches("userName eq \"alice@example.COM\"", ALICE)).isTrue();
        assertThat(matches("userName ne \"alice@example.com\"", ALICE)).isFalse();
        assertThat(matches("userName co \"EXAMPLE\"", ALICE)).isTrue();
        assertThat(matches("userName sw \"ali\"", ALICE)).isTrue();
        assertThat(matches("userName ew \".com\"", ALICE)).isTrue();
        assertThat(matches("userName gt \"aaa\"", ALICE)).isTrue();
        assertThat(matches("userName lt \"aaa\"", ALICE)).isFalse();
        assertThat(matches("meta.created ge \"2026-01-01\"", ALICE)).isTrue();
        assertThat(matches("meta.created le \"2026-01-01\"", ALICE)).isFalse();
    }

    @Test
    void reads_escaped_quotes_and_backslashes_in_literals() {
        JsonNode odd = JSON.createObjectNode().put("userName", "o\"brien\\x@example.com");
        assertThat(matches(Filter.eq("userName", "o\"brien\\x@example.com").expression(), odd)).isTrue();
        assertThat(matches(Filter.eq("userName", "o\"brien").expression(), odd)).isFalse();
        // An attempt to break out of the literal stays one literal.
        assertThat(matches(Filter.eq("userName", "x\" or userName pr or userName eq \"y").expression(), ALICE)).isFalse();
    }

    @Test
    void resolves_extension_attributes_by_urn_and_by_bare_name() {
        assertThat(matches(EXT + ":userType eq \"TECHNICIAN\"", ALICE)).isTrue();
        assertThat(matches("userType eq \"technician\"", ALICE)).isTrue();
        assertThat(matches("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"alice\"", ALICE)).isTrue();
        assertThat(matches("urn:other:schema:User:userType pr", ALICE)).isFalse();
    }

    @Test
    void a_string_literal_equals_a_number_with_the_same_text() {
        assertThat(matches(EXT + ":organizationId eq \"7\"", ALICE)).isTrue();
        assertThat(matches(EXT + ":organizationId eq 7", ALICE)).isTrue();
        assertThat(matches(EXT + ":organizationId gt 6.5", ALICE)).isTrue();
        assertThat(matches(EXT + ":organizationId eq \"8\"", ALICE)).isFalse();
    }

    @Test
    void handles_booleans_presence_and_null() {
        assertThat(matches("active eq true", ALICE)).isTrue();
        assertThat(matches("active eq false", ALICE)).isFalse();
        assertThat(matches("externalId pr", ALICE)).isFalse();
        assertThat(matches("externalId eq null", ALICE)).isTrue();
        assertThat(matches("not (externalId pr)", ALICE)).isTrue();
        assertThat(matches("userName pr", user("{'userName':''}"))).isFalse();
    }

    @Test
    void multi_valued_attributes_match_when_any_value_does() {
        assertThat(matches("emails.value eq \"a@home.example\"", ALICE)).isTrue();
        assertThat(matches("emails eq \"alice@example.com\"", ALICE)).isTrue();
        assertThat(matches("emails[type eq \"home\" and value ew \"home.example\"]", ALICE)).isTrue();
        assertThat(matches("emails[type eq \"home\" and primary eq true]", ALICE)).isFalse();
    }

    @Test
    void and_binds_tighter_than_or_and_parentheses_group() {
        assertThat(matches("active eq false and userName pr or name.givenName eq \"alice\"", ALICE)).isTrue();
        assertThat(matches("active eq false and (userName pr or name.givenName eq \"alice\")", ALICE)).isFalse();
        assertThat(matches("NOT(active eq false) AND userName PR", ALICE)).isTrue();
    }

    @Test
    void names_the_attributes_it_reads() {
        FilterMatcher m = FilterMatcher.parse("userName eq \"a\" and emails[type eq \"work\"] or " + EXT + ":userType pr");
        assertThat(m.attributes()).containsExactly("userName", "emails", EXT + ":userType");
    }

    @Test
    void says_where_a_filter_cannot_be_read() {
        assertThatThrownBy(() -> FilterMatcher.parse("userName xx \"a\"")).hasMessageContaining("'xx' is not an operator");
        assertThatThrownBy(() -> FilterMatcher.parse("userName eq alice")).hasMessageContaining("needs double quotes");
        assertThatThrownBy(() -> FilterMatcher.parse("(userName pr")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> FilterMatcher.parse("userName eq \"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterMatcher.parse("userName pr junk")).hasMessageContaining("character 13");
    }
}
