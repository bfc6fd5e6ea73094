package dev.scimctl.config;

import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.options.OptionNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsResolverTest {
    @TempDir
    Path dir;

    private SettingsResolver resolver(Map<String, String> env) {
        return new SettingsResolver(env, new ConfigStore(dir), new ByteArrayInputStream(new byte[0]), OptionNames.INSTANCE);
    }

    private void saveProfile() {
        ConfigStore store = new ConfigStore(dir);
        store.putProfile("prod", new Profile("https://profile.example/scim/v2", 3.0, 30.0, null, null));
        store.putToken("prod", StoredToken.of("profile-token-0001", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void a_flag_beats_the_environment_which_beats_the_profile() throws Exception {
        saveProfile();
        Path tokenFile = dir.resolve("t");
        Files.writeString(tokenFile, "file-token-0002\n");
        Map<String, String> env = new HashMap<>(Map.of("SCIMCTL_URL", "https://env.example/scim", "SCIMCTL_TOKEN", "env-token-0003"));

        Settings fromProfile = resolver(Map.of()).resolve(SettingsResolver.Flags.NONE);
        assertThat(fromProfile.url().toString()).isEqualTo("https://profile.example/scim/v2");
        assertThat(fromProfile.urlSource()).isEqualTo("profile \"prod\"");
        assertThat(fromProfile.token().reveal()).isEqualTo("profile-token-0001");
        assertThat(fromProfile.tokenSetAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(fromProfile.connectTimeout()).isEqualTo(Duration.ofSeconds(3));

        Settings fromEnv = resolver(env).resolve(SettingsResolver.Flags.NONE);
        assertThat(fromEnv.url().toString()).isEqualTo("https://env.example/scim");
        assertThat(fromEnv.token().reveal()).isEqualTo("env-token-0003");
        assertThat(fromEnv.tokenSource()).isEqualTo("SCIMCTL_TOKEN");

        Settings fromFlags = resolver(env).resolve(new SettingsResolver.Flags("https://flag.example/x", tokenFile.toString(),
                null, Duration.ofSeconds(1), null, null, null));
        assertThat(fromFlags.url().toString()).isEqualTo("https://flag.example/x");
        assertThat(fromFlags.urlSource()).isEqualTo("--url");
        assertThat(fromFlags.token().reveal()).isEqualTo("file-token-0002");
        assertThat(fromFlags.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_environments_ca_files_are_read_for_https_only() throws Exception {
        Path noCerts = Files.createDirectories(dir.resolve("no-certs"));
        Files.writeString(noCerts.resolve("README"), "not a certificate\n");
        Map<String, String> env = Map.of("SCIMCTL_TOKEN", "env-token-0005", "SSL_CERT_DIR", noCerts.toString(),
                "SSL_CERT_FILE", dir.resolve("missing.pem").toString());

        Settings plain = resolver(env).resolve(new SettingsResolver.Flags("http://127.0.0.1:1/scim", null, null, null,
                null, null, null));
        assertThat(plain.trust().caFile()).isNull();
        assertThatThrownBy(() -> resolver(env).resolve(new SettingsResolver.Flags("https://x.example/scim", null, null,
                null, null, null, null))).isInstanceOf(InputException.class).hasMessageContaining("SSL_CERT_FILE");
    }

    @Test
    void the_token_can_come_from_stdin() {
        SettingsResolver r = new SettingsResolver(Map.of(), new ConfigStore(dir),
                new ByteArrayInputStream("stdin-token-0004\n".getBytes(StandardCharsets.UTF_8)), OptionNames.INSTANCE);
        Settings s = r.resolve(new SettingsResolver.Flags("http://127.0.0.1:1/scim", "-", null, null, null, null, null));
        assertThat(s.token().reveal()).isEqualTo("stdin-token-0004");
    }

    @Test
    void says_how_to_give_a_missing_url_or_token() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(SettingsResolver.Flags.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("--url").hasMessageContaining("SCIMCTL_URL");
        assertThatThrownBy(() -> resolver(Map.of("SCIMCTL_URL", "https://x.example/")).resolve(SettingsResolver.Flags.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("--token-file").hasMessageContaining("SCIMCTL_TOKEN");
    }

    @Test
    void refuses_urls_that_are_not_http() {
        assertThatThrownBy(() -> SettingsResolver.parseUrl("ftp://x/", "--url", OptionNames.INSTANCE)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> SettingsResolver.parseUrl("eu.ninjarmm.com/scim", "--url", OptionNames.INSTANCE)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> SettingsResolver.parseUrl("https://x/scim?a=b", "--url", OptionNames.INSTANCE)).isInstanceOf(UsageException.class);
    }

    @Test
    void a_token_file_with_more_than_the_token_is_refused_without_echoing_it() throws Exception {
        Path f = dir.resolve("two-lines");
        Files.writeString(f, "secret-part-one\nsecret-part-two\n");
        assertThatThrownBy(() -> resolver(Map.of()).readTokenFile(f.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageNotContaining("secret-part");
        assertThatThrownBy(() -> resolver(Map.of()).readTokenFile(dir.resolve("missing").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void an_unknown_profile_is_a_usage_error() {
        assertThatThrownBy(() -> resolver(Map.of("SCIMCTL_PROFILE", "nope")).resolve(SettingsResolver.Flags.NONE))
                .isInstanceOf(UsageException.class).hasMessageContaining("nope").hasMessageContaining("SCIMCTL_PROFILE");
    }

    @Test
    void the_credentials_file_is_private_and_the_config_is_not_secret() throws Exception {
        saveProfile();
        ConfigStore store = new ConfigStore(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.credentialsFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(store.configFile())).doesNotContain("profile-token");
        // No temporary file is left; .lock is the empty file whose lock keeps two changes apart.
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("config.json", "credentials.json", ".lock");
    }

    @Test
    void a_hand_broken_config_file_names_its_line_and_column() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\n  \"profiles\": {\n    \"x\": { \"url\": }\n  }\n}\n");
        assertThatThrownBy(() -> new ConfigStore(dir).profiles())
                .isInstanceOf(InputException.class).hasMessageContaining("config.json:3:");
    }

    @Test
    void a_token_with_a_control_character_in_the_environment_is_a_usage_error_naming_it_not_the_token() {
        Map<String, String> env = Map.of("SCIMCTL_URL", "https://a.example/scim", "SCIMCTL_TOKEN", "abcdef\u0007ghijklmnopq");
        assertThatThrownBy(() -> resolver(env).resolve(SettingsResolver.Flags.NONE)).isInstanceOf(UsageException.class)
                .hasMessage("the token from SCIMCTL_TOKEN has a control character (U+0007) at position 7 of 18; a token "
                        + "is visible ASCII characters alone on one line: copy it again from the NinjaOne console");
    }

    @Test
    void a_token_file_with_a_non_ascii_character_is_an_input_error() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "abc\u00e9defghijklmnop\n");
        assertThatThrownBy(() -> resolver(Map.of()).readTokenFile(file.toString())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("the token from " + file + " has a non-ASCII character (U+00E9) at position 4 of 17")
                .hasMessageNotContaining("defghijklmnop");
    }

    @Test
    void a_profiles_token_goes_only_to_its_own_origin() {
        saveProfile();
        Settings samePlace = resolver(Map.of("SCIMCTL_URL", "HTTPS://Profile.Example:443/other/path"))
                .resolve(SettingsResolver.Flags.NONE);
        assertThat(samePlace.token().reveal()).isEqualTo("profile-token-0001");
        assertThat(samePlace.mixedSources()).hasValue("the URL comes from SCIMCTL_URL (environment), the token from "
                + "profile \"prod\" (" + dir.resolve("credentials.json") + ") (profile)");

        assertThatThrownBy(() -> resolver(Map.of()).resolve(new SettingsResolver.Flags("http://profile.example/scim/v2",
                null, null, null, null, null, null)))
                .as("another scheme is another origin").isInstanceOf(UsageException.class)
                .hasMessage("the token from profile \"prod\" (" + dir.resolve("credentials.json") + ") is sent only to "
                        + "the profile's server, https://profile.example, but the URL http://profile.example/scim/v2 "
                        + "(from --url) is another server: give that server's token with --token-file or SCIMCTL_TOKEN, "
                        + "or drop --url to use the profile's URL");
    }

    @Test
    void an_environment_token_beating_a_profile_named_on_the_command_line_is_warned_about() {
        saveProfile();
        Settings s = resolver(Map.of("SCIMCTL_TOKEN", "env-token-0003-long-enough"))
                .resolve(new SettingsResolver.Flags(null, null, "prod", null, null, null, null));
        assertThat(s.token().reveal()).isEqualTo("env-token-0003-long-enough");
        assertThat(s.warnings()).containsExactly("SCIMCTL_TOKEN is used, not the token of --profile prod: the "
                + "environment's token beats a profile's; unset SCIMCTL_TOKEN and SCIMCTL_TOKEN_FILE to use the profile's");
        assertThat(resolver(Map.of("SCIMCTL_TOKEN", "env-token-0003-long-enough"))
                .resolve(SettingsResolver.Flags.NONE).warnings()).as("no --profile given: nothing overridden").isEmpty();
    }

    @Test
    void a_url_with_a_user_and_password_is_refused_without_repeating_the_password() {
        assertThatThrownBy(() -> SettingsResolver.parseUrl("https://admin:s3cr3t@eu.example.com/scim/v2", "--url", OptionNames.INSTANCE))
                .isInstanceOf(UsageException.class)
                .hasMessage("the base URL (from --url) holds a user name and password before '@': SCIM servers take the "
                        + "bearer token instead, and a password in a URL ends up in files and shell history; use "
                        + "https://eu.example.com/scim/v2 and give the token with --token-file, SCIMCTL_TOKEN or "
                        + "'scimctl config set-token'");
    }
}
