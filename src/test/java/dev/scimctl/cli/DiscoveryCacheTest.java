package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a server says about itself is kept between runs, so that a look-up in a shell loop is one request. */
@Timeout(60)
class DiscoveryCacheTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    @Test
    void users_get_is_one_request_after_the_first_run_and_a_miss_at_most_two() throws Exception {
        server.seedUser("alice@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            Path cache = dir.resolve("cache");
            CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .env("SCIMCTL_CACHE_DIR", cache.toString());
            cli.run("users", "get", "alice@example.com").assertExit(ExitCode.OK);
            assertThat(proxy.count("GET", "/scim/v2/ServiceProviderConfig")).isEqualTo(1);

            proxy.resetCounts();
            cli.run("users", "get", "alice@example.com").assertExit(ExitCode.OK);
            assertThat(proxy.totalCount()).isEqualTo(1);

            proxy.resetCounts();
            cli.run("users", "get", "nobody@example.com").assertExit(ExitCode.PROBLEMS);
            cli.run("users", "get", "nobody@example.com").assertExit(ExitCode.PROBLEMS);
            assertThat(proxy.count("GET", "/scim/v2/Users")).as("a filter and one for other cases, twice")
                    .isEqualTo(4);
            assertThat(proxy.totalCount()).as("/Schemas asked once, then kept").isEqualTo(5);

            List<Path> files;
            try (Stream<Path> s = Files.list(cache)) {
                files = s.toList();
            }
            assertThat(files).hasSize(1);
            assertThat(Files.readString(files.get(0))).doesNotContain(server.token()).contains("userNameCaseExact");

            proxy.resetCounts();
            cli.run("test-connection").assertExit(ExitCode.OK);
            assertThat(proxy.count("GET", "/scim/v2/ServiceProviderConfig")).as("a check asks afresh").isEqualTo(1);
        }
    }

    @Test
    void the_cache_is_private_and_an_entry_others_could_have_written_is_not_believed() throws Exception {
        server.seedUser("alice@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            Path cache = dir.resolve("cache");
            CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .env("SCIMCTL_CACHE_DIR", cache.toString());
            cli.run("users", "get", "alice@example.com").assertExit(ExitCode.OK);
            Path entry;
            try (Stream<Path> s = Files.list(cache)) {
                entry = s.findFirst().orElseThrow();
            }
            // It decides PATCH or PUT and whether a missed userName is asked again in another case: kept as settings are.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------");

            // A folder made under umask 000 by an earlier scimctl: another account could have planted the entry.
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
            proxy.resetCounts();
            cli.run("users", "get", "alice@example.com").assertExit(ExitCode.OK);
            assertThat(proxy.count("GET", "/scim/v2/ServiceProviderConfig")).as("asked afresh").isEqualTo(1);
        }
    }
}
