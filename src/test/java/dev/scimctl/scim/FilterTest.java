package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTest {
    @Test
    void escapes_quotes_and_backslashes_in_values() {
        assertThat(Filter.eq("userName", "a\"b\\c@example.com").expression())
                .isEqualTo("userName eq \"a\\\"b\\\\c@example.com\"");
    }

    @Test
    void a_value_cannot_close_the_literal_and_add_a_clause() {
        String hostile = "x\" or userName pr or userName eq \"y";
        Filter f = Filter.eq("userName", hostile);
        // The whole hostile text stays inside one string literal: exactly one unescaped quote pair.
        String expr = f.expression();
        String body = expr.substring("userName eq ".length());
        assertThat(body).startsWith("\"").endsWith("\"");
        String inner = body.substring(1, body.length() - 1);
        assertThat(inner.replace("\\\"", "")).doesNotContain("\"");
    }

    @Test
    void escapes_control_characters() {
        assertThat(Filter.literal("a\nb\tc\u0001")).isEqualTo("\"a\\nb\\tc\\u0001\"");
    }

    @Test
    void combines_with_parentheses_where_needed() {
        Filter f = Filter.eq("active", true).and(Filter.eq("userName", "a").or(Filter.eq("userName", "b")));
        assertThat(f.expression()).isEqualTo("active eq true and (userName eq \"a\" or userName eq \"b\")");
        assertThat(Filter.not(Filter.present("title")).expression()).isEqualTo("not (title pr)");
    }

    @Test
    void accepts_extension_urn_paths() {
        assertThat(Filter.eq("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType", "technician")
                .expression()).isEqualTo("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType eq \"technician\"");
        assertThat(Filter.eq("name.familyName", "O'Brien").expression()).isEqualTo("name.familyName eq \"O'Brien\"");
    }

    @Test
    void refuses_an_attribute_path_that_is_not_one() {
        assertThatThrownBy(() -> Filter.eq("userName eq \"x\" or userName", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knows_whether_any_part_was_given_raw() {
        Filter built = Filter.eq("userName", "a").and(Filter.not(Filter.present("externalId")));
        assertThat(built.isBuilt()).isTrue();
        assertThat(built.or(Filter.raw("active eq true")).isBuilt()).isFalse();
        assertThat(Filter.not(Filter.raw("x pr")).isBuilt()).isFalse();
    }
}
