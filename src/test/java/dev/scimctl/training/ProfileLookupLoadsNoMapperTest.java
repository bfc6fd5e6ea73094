package dev.scimctl.training;

import dev.scimctl.ExitCode;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.Profile;
import dev.scimctl.config.StoredToken;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A look-up whose URL and token come from a saved profile must not make Jackson's ObjectMapper (its class
 * initialisation and set-up were a sixth of the run, issue #18): the settings files are read by hand. Checked in a JVM
 * of its own, by the classes it loads; the same command with {@code -o json}, which writes through the mapper, shows
 * that the check sees the mapper when it is there.
 */
@Timeout(180)
class ProfileLookupLoadsNoMapperTest {
    private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    @BeforeEach
    void saveProfile() {
        server.seedUser("alice@example.com");
        ConfigStore store = new ConfigStore(dir.resolve("config"));
        store.putProfile("prod", new Profile(server.baseUrl(), 10.0, 30.0, null, null));
        store.putToken("prod", StoredToken.of(server.token(), Instant.now()));
    }

    @Test
    void users_get_with_a_saved_profile_makes_no_object_mapper() throws Exception {
        ChildJvm.Run run = usersGet("-o", "tsv");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.output()).contains("alice@example.com");
        assertThat(run.named(MAPPER).map(ChildJvm.LoadedClass::name)).as("the mapper's classes")
                .doesNotContain(MAPPER);
    }

    @Test
    void the_same_with_json_output_does_make_one() throws Exception {
        ChildJvm.Run run = usersGet("-o", "json");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.named(MAPPER).map(ChildJvm.LoadedClass::name)).contains(MAPPER);
    }

    private ChildJvm.Run usersGet(String... output) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("users", "get", "alice@example.com"));
        args.addAll(List.of(output));
        return ChildJvm.run(dir, List.of("-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl"), args,
                Map.of("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString()));
    }
}
