package dev.scimctl.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class XdgFolderTest {
    @Test
    void own_variable_then_absolute_xdg_home_then_the_home_default() {
        Map<String, String> all = Map.of("SCIMCTL_CONFIG_DIR", "/own", "XDG_CONFIG_HOME", "/xdg", "HOME", "/home/a");
        assertThat(XdgFolder.of(all, "SCIMCTL_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")).isEqualTo(Path.of("/own"));
        assertThat(XdgFolder.of(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/home/a"), "SCIMCTL_CONFIG_DIR",
                "XDG_CONFIG_HOME", ".config")).isEqualTo(Path.of("/xdg/scimctl"));
        assertThat(XdgFolder.of(Map.of("SCIMCTL_CONFIG_DIR", " ", "HOME", "/home/a"), "SCIMCTL_CONFIG_DIR",
                "XDG_CONFIG_HOME", ".config")).isEqualTo(Path.of("/home/a/.config/scimctl"));
    }

    @Test
    void a_relative_xdg_home_is_ignored_for_every_kind() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "rel", "XDG_CACHE_HOME", "rel", "XDG_STATE_HOME", "rel",
                "HOME", "/home/a");
        assertThat(ConfigStore.directory(env)).isEqualTo(Path.of("/home/a/.config/scimctl"));
        assertThat(StateFolder.directory(env)).isEqualTo(Path.of("/home/a/.local/state/scimctl"));
        assertThat(XdgFolder.of(env, EnvVars.CACHE_DIR, "XDG_CACHE_HOME", ".cache"))
                .isEqualTo(Path.of("/home/a/.cache/scimctl"));
    }
}
