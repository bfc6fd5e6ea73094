package dev.scimctl.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.config.StateFolder;
import dev.scimctl.importer.Journal;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class SupportBundleCommandTest {
    private static final String PROXY_PASSWORD = "proxy-Pa55-in-bundle";
    private static final String URL_PASSWORD = "url-Pa55-in-bundle";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir);
    }

    /** The bundle's files by name. */
    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = z.getInputStream(entry)) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private Path importExample() throws IOException {
        Path users = Files.copy(Path.of("examples/users.csv"), dir.resolve("users.csv"), StandardCopyOption.REPLACE_EXISTING);
        cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("import", "--yes", users.toString()).assertExit(0);
        return Journal.defaultFor(StateFolder.journals(Map.of("HOME", dir.toString())), users);
    }

    @Test
    void holds_no_token_no_proxy_password_and_no_url_password_in_any_file() throws Exception {
        Path journal = importExample();
        // The URL carries user:password@, the proxies a password each (NO_PROXY keeps the requests direct), and the
        // token comes from the environment as well as from a file.
        String url = server.baseUrl().replace("http://", "http://admin:" + URL_PASSWORD + "@");
        Path tokenFile = Files.writeString(dir.resolve("token.txt"), server.token());
        Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String proxy = "http://proxyuser:" + PROXY_PASSWORD + "@proxy.invalid:3128";
        Path zip = dir.resolve("bundle.zip");
        // settings refuse a base URL with user:password@, so it stands in the environment, where --url overrides it.
        CliResult r = cli().env("SCIMCTL_TOKEN", server.token()).env("HTTPS_PROXY", proxy).env("HTTP_PROXY", proxy)
                .env("NO_PROXY", "127.0.0.1").env("SCIMCTL_URL", url)
                .run("--debug", "support", "bundle", "--out", zip.toString(), "--url", server.baseUrl(),
                        "--token-file", tokenFile.toString(),
                        "--proxy", "http://other:" + PROXY_PASSWORD + "2@proxy.invalid:3128",
                        "--journal", journal.toString(), "--trace", "users list --limit 5");
        r.assertExit(0);

        Map<String, String> files = unzip(zip);
        assertThat(files).containsKeys("README.txt", "settings.json", "test-connection.json", "trace/stderr.txt");
        List<String> forbidden = List.of(server.token(), PROXY_PASSWORD, URL_PASSWORD,
                URLEncoder.encode(PROXY_PASSWORD, StandardCharsets.UTF_8), "admin:", "proxyuser:", "other:");
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            for (String secret : forbidden) {
                if (f.getValue().contains(secret)) {
                    leaks.add(f.getKey() + " holds " + secret);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(r.all()).doesNotContain(server.token()).doesNotContain(PROXY_PASSWORD).doesNotContain(URL_PASSWORD);
        // The settings still say where each came from.
        JsonNode settings = JSON.readTree(files.get("settings.json"));
        assertThat(settings.path("urlSource").asText()).isEqualTo("--url");
        assertThat(settings.path("environment").path("SCIMCTL_URL").asText()).startsWith("http://****@127.0.0.1:");
        assertThat(settings.path("tokenSource").asText()).startsWith("--token-file");
        assertThat(settings.path("environment").path("HTTPS_PROXY").asText()).isEqualTo("http://****@proxy.invalid:3128");
        assertThat(settings.path("environment").path("SCIMCTL_TOKEN").asText()).doesNotContain(server.token());
    }

    @Test
    void holds_no_cookie_a_server_sets_in_its_debug_trace() throws Exception {
        // A load balancer in front of the SCIM server hands out a session cookie; its value is a credential.
        String cookie = "lb-session-Value-in-bundle";
        try (FaultProxy lb = FaultProxy.start(server.baseUrl())) {
            lb.rule(req -> Fault.responseHeader("Set-Cookie", "SESSION=" + cookie + "; Path=/; HttpOnly"));
            Path zip = dir.resolve("cookie.zip");
            CliResult r = cli().env("SCIMCTL_URL", lb.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .run("support", "bundle", "--out", zip.toString(), "--trace", "users list --limit 1");
            r.assertExit(0);
            Map<String, String> files = unzip(zip);
            assertThat(files.get("trace/stderr.txt")).containsIgnoringCase("set-cookie: ");
            for (Map.Entry<String, String> f : files.entrySet()) {
                assertThat(f.getValue()).as(f.getKey()).doesNotContain(cookie);
            }
        }
    }

    @Test
    void a_journal_option_naming_a_file_that_is_not_a_journal_writes_nothing() throws Exception {
        Path huge = Files.write(dir.resolve("huge.journal"), new byte[Journal.MAX_LINE_BYTES + 1]);
        Path zip = dir.resolve("nothing.zip");
        cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("support", "bundle", "--out", zip.toString(), "--journal", huge.toString())
                .assertExit(3).assertErrContains("huge.journal:1: the journal has a line longer than 1 MiB")
                .assertNoStackTrace();
        assertThat(zip).doesNotExist();
    }

    @Test
    void a_bundle_against_the_sandbox_holds_each_listed_part() throws Exception {
        server.seedGroup("Everyone", server.seedUsers(3).toArray(String[]::new));
        importExample(); // its journal is found where import keeps it
        Path zip = dir.resolve("support.zip");
        CliResult r = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("support", "bundle", "--out", zip.toString(), "--trace", "users list --limit 5");
        r.assertExit(0);
        assertThat(r.out().strip()).isEqualTo(zip.toString());

        Map<String, String> files = unzip(zip);
        List<String> expected = List.of("system.json", "settings.json", "test-connection.json",
                "discovery/ServiceProviderConfig.json", "discovery/Schemas.json", "discovery/ResourceTypes.json",
                "last-import.json", "trace/command.txt", "trace/stdout.txt", "trace/stderr.txt");
        assertThat(files.keySet()).first().isEqualTo("README.txt");
        assertThat(files).containsKeys(expected.toArray(String[]::new));
        // Listed before writing, and in README.txt: every part, by name.
        int wrote = r.err().indexOf("Wrote ");
        for (String name : files.keySet()) {
            if (!name.equals("README.txt")) {
                assertThat(files.get("README.txt")).contains(name);
                assertThat(r.err().indexOf(name)).isBetween(0, wrote);
            }
        }
        assertThat(JSON.readTree(files.get("system.json")).path("javaVersion").asText()).isNotBlank();
        assertThat(JSON.readTree(files.get("test-connection.json")).path("ok").asBoolean()).isTrue();
        assertThat(JSON.readTree(files.get("discovery/ServiceProviderConfig.json")).path("patch").path("supported").isBoolean()).isTrue();
        assertThat(JSON.readTree(files.get("discovery/Schemas.json")).path("Resources").size()).isGreaterThan(0);
        assertThat(JSON.readTree(files.get("discovery/ResourceTypes.json")).path("Resources").size()).isGreaterThan(0);
        JsonNode lastImport = JSON.readTree(files.get("last-import.json"));
        assertThat(lastImport.path("runs").asInt()).isEqualTo(1);
        assertThat(lastImport.path("lastRun").path("finished").path("ok").asBoolean()).isTrue();
        assertThat(lastImport.path("lastRun").path("operations").path("create").path("done").asInt()).isGreaterThan(0);
        assertThat(files.get("trace/command.txt")).contains("--debug users list --limit 5").contains("exit 0");
        assertThat(files.get("trace/stdout.txt").lines().count()).isBetween(1L, 6L);
        assertThat(files.get("trace/stderr.txt")).contains("debug: > GET ").contains("Authorization: Bearer [redacted]");
    }

    @Test
    void redact_users_hashes_every_user_the_same_way_throughout() throws Exception {
        Path journal = importExample();
        Path zip = dir.resolve("redacted.zip");
        cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("support", "bundle", "--out", zip.toString(), "--journal", journal.toString(), "--redact-users",
                        "--trace", "users get alice.martin@northwind-msp.com -o json").assertExit(0);
        Map<String, String> files = unzip(zip);
        String all = String.join("\n", files.values());
        // The example's people, by user name, e-mail, given and family name: none of them is left.
        for (String value : List.of("amartin", "alice.martin", "Alice", "Martin", "Kowalski", "Chloé", "northwind-msp.com")) {
            assertThat(all).as(value).doesNotContainIgnoringCase(value);
        }
        // The user looked up by the trace: its hash in the request URL (stderr) is the one in the answer (stdout).
        Set<String> inStdout = hashes(files.get("trace/stdout.txt"));
        Set<String> inStderr = hashes(files.get("trace/stderr.txt"));
        assertThat(inStdout).isNotEmpty();
        assertThat(inStderr).isNotEmpty();
        assertThat(inStdout).containsAll(inStderr);
        assertThat(JSON.readTree(files.get("trace/stdout.txt")).path("userName").asText()).matches("u-[0-9a-f]{10}");
        assertThat(files.get("README.txt")).contains("replaced by hashes");
    }

    private static Set<String> hashes(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("u-[0-9a-f]{10}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void refuses_to_trace_a_command_that_changes_something_and_writes_nothing() {
        Path zip = dir.resolve("no.zip");
        cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("support", "bundle", "--out", zip.toString(), "--trace", "users delete someone@example.com")
                .assertExit(2).assertErrContains("only commands that read can be traced").assertNoStackTrace();
        assertThat(zip).doesNotExist();
    }

    @Test
    void a_bundle_that_cannot_be_written_leaves_no_file_behind() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("out/bundle.zip"));
        cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("support", "bundle", "--out", taken.toString())
                .assertExit(3).assertErrContains("cannot write the bundle").assertNoStackTrace();
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bundle.zip");
        }
    }

    @Test
    void without_settings_the_bundle_still_holds_the_rest_and_says_why() throws Exception {
        Path zip = dir.resolve("nosettings.zip");
        cli().run("support", "bundle", "--out", zip.toString()).assertExit(0);
        Map<String, String> files = unzip(zip);
        assertThat(files).containsKeys("system.json", "settings.json", "last-import.json").doesNotContainKey("test-connection.json");
        assertThat(JSON.readTree(files.get("settings.json")).path("error").asText()).contains("URL");
    }
}
