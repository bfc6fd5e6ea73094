package dev.scimctl.config;

import dev.scimctl.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-edited or hostile config files end in a message with file:line:col, never a NullPointerException. */
class ConfigStoreShapeTest {
    @TempDir
    Path dir;

    private ConfigStore withConfig(String json) throws Exception {
        Files.writeString(dir.resolve("config.json"), json);
        return new ConfigStore(dir);
    }

    @Test
    void a_null_profile_is_refused_with_its_place() throws Exception {
        ConfigStore store = withConfig("{\n  \"version\": 1,\n  \"profiles\": {\n    \"prod\": null\n  }\n}\n");
        assertThatThrownBy(store::profiles).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("config.json") + ":4:")
                .hasMessageContaining("profiles.prod is null, where a profile (an object such as {\"url\": \"https://…\"}) belongs")
                .hasMessageContaining("fix it by hand, or delete it");
    }

    @Test
    void profiles_that_are_a_list_or_a_url_that_is_a_number_are_refused() throws Exception {
        assertThatThrownBy(withConfig("{\"profiles\": []}")::profiles).isInstanceOf(InputException.class)
                .hasMessageContaining("config.json:1:").hasMessageContaining("profiles must be an object");
        assertThatThrownBy(withConfig("{\"profiles\": {\"prod\": {\"url\": 5}}}")::profiles)
                .isInstanceOf(InputException.class).hasMessageContaining("profiles.prod.url must be a string");
        assertThatThrownBy(withConfig("[1, 2]")::profiles).isInstanceOf(InputException.class)
                .hasMessageContaining("the document must be an object");
        assertThatThrownBy(withConfig("{\"profiles\": {\"p\": {\"timeoutSeconds\": \"ten\"}}}")::profiles)
                .isInstanceOf(InputException.class).hasMessageContaining("profiles.p.timeoutSeconds must be a number");
    }

    @Test
    void a_null_token_entry_in_the_credentials_is_refused_too() throws Exception {
        Files.writeString(dir.resolve("credentials.json"), "{\"tokens\": {\"prod\": null}}");
        assertThatThrownBy(() -> new ConfigStore(dir).token("prod")).isInstanceOf(InputException.class)
                .hasMessageContaining("credentials.json:1:").hasMessageContaining("tokens.prod is null");
    }

    @Test
    void a_syntax_error_in_the_credentials_does_not_quote_the_token() throws Exception {
        // A token pasted without its quotes: the parser's own message would quote it ("Unrecognized token '…'").
        Files.writeString(dir.resolve("credentials.json"),
                "{\"version\": 1, \"tokens\": {\"prod\": {\"token\": sk_live_S3CRET, \"setAt\": \"x\"}}}");
        assertThatThrownBy(() -> new ConfigStore(dir).token("prod")).isInstanceOf(InputException.class)
                .hasMessageContaining("credentials.json:1:").hasMessageContaining("is not valid JSON")
                .hasMessageNotContaining("S3CRET").hasMessageNotContaining("sk_live");
    }

    @Test
    void a_config_file_larger_than_a_megabyte_is_refused_without_reading_it_all() throws Exception {
        Path file = dir.resolve("config.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"profiles\": {\"p\": {\"url\": \"".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[2 * 1024 * 1024]);
        }
        assertThatThrownBy(() -> new ConfigStore(dir).profiles()).isInstanceOf(InputException.class)
                .hasMessage(file + ": the settings file is larger than 1 MiB, more than such a file ever holds: "
                        + "check that this is the right file");
    }

    @Test
    void a_folder_or_file_others_can_write_is_refused_with_the_chmod_that_fixes_it() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("cfg"));
        store.putProfile("prod", new Profile("https://a.example/scim", null, null, null, null));
        store.requirePrivate();
        Path config = store.configFile();
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(store::requirePrivate).isInstanceOf(InputException.class)
                .hasMessage("refusing to use the saved profiles: " + config + " is writable by other accounts (mode "
                        + "rw-rw-rw-), so one of them could change where the token is sent: run 'chmod go-w " + config + "'");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(store.dir(), PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(store::requirePrivate).isInstanceOf(InputException.class)
                .hasMessageContaining("the folder " + store.dir() + " is writable by other accounts (mode rwxrwxr-x)")
                .hasMessageEndingWith("run 'chmod go-w " + store.dir() + "'");
    }
}
