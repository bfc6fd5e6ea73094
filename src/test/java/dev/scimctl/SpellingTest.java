package dev.scimctl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTest {
    enum Sample { EMAIL, USER_TYPE, ORGANIZATION_ID_ON_TECHNICIAN }

    @Test
    void kebab_and_camel_spell_every_word() {
        assertThat(Spelling.kebab(Sample.EMAIL)).isEqualTo("email");
        assertThat(Spelling.kebab(Sample.ORGANIZATION_ID_ON_TECHNICIAN)).isEqualTo("organization-id-on-technician");
        assertThat(Spelling.camel(Sample.EMAIL)).isEqualTo("email");
        assertThat(Spelling.camel(Sample.USER_TYPE)).isEqualTo("userType");
        assertThat(Spelling.camel(Sample.ORGANIZATION_ID_ON_TECHNICIAN)).isEqualTo("organizationIdOnTechnician");
    }
}
