package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The other forms a case-sensitive server may hold a userName in: one request asks for all of them. */
class UsersOtherCasesTest {
    @Test
    void an_address_is_also_asked_with_its_domain_folded_and_as_first_dot_last() {
        assertThat(Users.otherCases("john.doe-smith@Example.COM")).containsExactly(
                "john.doe-smith@example.com", "JOHN.DOE-SMITH@EXAMPLE.COM", "John.Doe-Smith@example.com");
    }

    @Test
    void a_name_that_is_not_an_address_has_its_lower_and_upper_case_only() {
        assertThat(Users.otherCases("Ada")).containsExactly("ada", "ADA");
        assertThat(Users.otherCases("a@b@c")).containsExactly("A@B@C");
    }

    @Test
    void the_name_itself_is_never_among_them() {
        assertThat(Users.otherCases("John.Doe@example.com")).containsExactly(
                "john.doe@example.com", "JOHN.DOE@EXAMPLE.COM");
        assertThat(Users.otherCases("42")).isEmpty();
    }
}
