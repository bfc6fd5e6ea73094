package dev.scimctl.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserAttributeTest {
    /** Journals name attributes by label: a journal an earlier version wrote must still be undone. */
    @Test
    void every_label_journals_hold_still_names_its_attribute() {
        assertThat(UserAttribute.byLabel("givenName")).isEqualTo(UserAttribute.GIVEN_NAME);
        assertThat(UserAttribute.byLabel("familyName")).isEqualTo(UserAttribute.FAMILY_NAME);
        assertThat(UserAttribute.byLabel("email")).isEqualTo(UserAttribute.EMAIL);
        assertThat(UserAttribute.byLabel("active")).isEqualTo(UserAttribute.ACTIVE);
        assertThat(UserAttribute.byLabel("userType")).isEqualTo(UserAttribute.USER_TYPE);
        assertThat(UserAttribute.byLabel("organizationId")).isEqualTo(UserAttribute.ORGANIZATION_ID);
        assertThat(UserAttribute.byLabel("nickName")).isNull();
    }
}
