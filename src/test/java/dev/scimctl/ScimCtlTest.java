package dev.scimctl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry point warms the HttpClient up only for a command line that will use one. */
class ScimCtlTest {

    @Test
    void commands_that_talk_to_a_server_get_the_warm_up() {
        assertThat(ScimCtl.talksToServer("users", "get", "ann@example.com")).isTrue();
        assertThat(ScimCtl.talksToServer("--debug", "test-connection")).isTrue();
        assertThat(ScimCtl.talksToServer("import", "users.csv", "--dry-run")).isTrue();
        assertThat(ScimCtl.talksToServer("service-provider-config")).isTrue();
    }

    @Test
    void local_commands_help_and_version_do_not() {
        assertThat(ScimCtl.talksToServer("validate", "users.csv")).isFalse();
        assertThat(ScimCtl.talksToServer("config", "list")).isFalse();
        assertThat(ScimCtl.talksToServer("sandbox")).isFalse();
        assertThat(ScimCtl.talksToServer("users", "get", "--help")).isFalse();
        assertThat(ScimCtl.talksToServer("--version")).isFalse();
        assertThat(ScimCtl.talksToServer()).isFalse();
    }
}
