package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code users deactivate} and {@code users delete}: ask first, act, keep going past failures. */
@Timeout(60)
class UserChangesTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @RegisterExtension
    static final ScimServerExtension noPatch = ScimServerExtension.create(b -> b.patch(false));

    @RegisterExtension
    static final ScimServerExtension noPatchNoEtag = ScimServerExtension.create(b -> b.patch(false).etag(false));

    @TempDir
    Path config;

    private CliRunner cli(String url, String token) {
        return new CliRunner(config).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
    }

    private CliRunner cli(ScimServerExtension s) {
        return cli(s.baseUrl(), s.token());
    }

    private static boolean active(ScimServerExtension s, String id) {
        return s.store().user(id).orElseThrow().path("active").asBoolean();
    }

    @Test
    void deactivate_with_yes_patches_active_false_and_leaves_the_rest_of_the_user_alone() {
        String a = server.seedUser(user("a@example.com").type("technician").json());
        String b = server.seedUser("b@example.com");
        String c = server.seedUser("c@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            CliResult r = cli(proxy.baseUrl(), server.token()).run("users", "deactivate", "--yes", "a@example.com", b)
                    .assertExit(ExitCode.OK);
            assertThat(proxy.count("PATCH", "/scim/v2/Users/" + a)).isEqualTo(1);
            assertThat(r.err()).contains("Will deactivate 2 users").contains("(PATCH active=false)")
                    .contains("deactivated a@example.com (id " + a + ")").contains("Deactivated 2 users.");
            assertThat(r.out()).isEmpty();
        }
        assertThat(active(server, a)).isFalse();
        assertThat(active(server, b)).isFalse();
        assertThat(active(server, c)).isTrue();
        JsonNode stored = server.store().user(a).orElseThrow();
        assertThat(stored.path("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User").path("userType").asText())
                .isEqualTo("technician");
    }

    @Test
    void without_a_terminal_and_without_yes_it_lists_the_change_refuses_with_exit_2_and_changes_nothing() {
        String a = server.seedUser("a@example.com");
        for (String command : List.of("deactivate", "delete")) {
            CliResult r = cli(server).run("users", command, "a@example.com").assertExit(ExitCode.USAGE);
            assertThat(r.err()).contains("Will " + command + " 1 user").contains("a@example.com (id " + a + ")")
                    .contains("refusing to " + command + " 1 user without a confirmation").contains("--yes");
            assertThat(active(server, a)).isTrue();
        }
    }

    @Test
    void on_a_terminal_it_asks_and_only_yes_goes_ahead() {
        String a = server.seedUser("a@example.com");
        Terminals terminal = Terminals.ALL;
        for (String answer : List.of("n\n", "\n", "", "nope\n")) {
            CliResult no = cli(server).terminals(terminal).env("NO_COLOR", "1").stdin(answer)
                    .run("users", "deactivate", "a@example.com").assertExit(ExitCode.PROBLEMS);
            assertThat(no.err()).contains("Deactivate 1 user? [y/N]").contains("nothing was changed");
            assertThat(active(server, a)).isTrue();
        }
        CliResult yes = cli(server).terminals(terminal).stdin("Y\n").run("users", "deactivate", "a@example.com")
                .assertExit(ExitCode.OK);
        assertThat(yes.err()).contains("deactivated a@example.com");
        assertThat(active(server, a)).isFalse();
    }

    @Test
    void keeps_going_past_users_it_cannot_find_or_change_and_exits_1() {
        String a = server.seedUser("a@example.com");
        String b = server.seedUser("b@example.com");
        String c = server.seedUser("c@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.method().equals("PATCH") && r.path().endsWith(b)
                    ? Fault.statusWithScimError(409, "b is locked") : Fault.forward());
            CliResult r = cli(proxy.baseUrl(), server.token())
                    .run("users", "deactivate", "-y", "a@example.com", "ghost@example.com", "b@example.com", c)
                    .assertExit(ExitCode.PROBLEMS);
            assertThat(r.err()).contains("error: no user with the id or userName 'ghost@example.com'")
                    .contains("error: could not deactivate b@example.com (id " + b + "): 409").contains("b is locked")
                    .contains("Deactivated 2 users; 2 failed");
        }
        assertThat(active(server, a)).isFalse();
        assertThat(active(server, b)).isTrue();
        assertThat(active(server, c)).isFalse();
    }

    @Test
    void a_user_who_is_inactive_already_needs_nothing() {
        server.seedUser(user("gone@example.com").inactive().json());
        CliResult r = cli(server).run("users", "deactivate", "gone@example.com").assertExit(ExitCode.OK);
        assertThat(r.err()).contains("is inactive already: nothing to do").doesNotContain("refusing");
    }

    @Test
    void without_patch_it_puts_the_whole_user_with_if_match() {
        String a = noPatch.seedUser(user("a@example.com").type("endUser").organization("9").json());
        List<String> ifMatch = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(noPatch.baseUrl())) {
            proxy.rule(r -> {
                if (r.method().equals("PUT")) {
                    ifMatch.add(String.valueOf(r.header("If-Match")));
                }
                return Fault.forward();
            });
            CliResult r = cli(proxy.baseUrl(), noPatch.token()).run("users", "deactivate", "--yes", a)
                    .assertExit(ExitCode.OK);
            assertThat(r.err()).contains("GET and PUT with If-Match");
            assertThat(proxy.count("PATCH", "/scim/v2/Users/" + a)).isZero();
        }
        assertThat(ifMatch).hasSize(1).allMatch(v -> v.startsWith("W/\""));
        JsonNode stored = noPatch.store().user(a).orElseThrow();
        assertThat(stored.path("active").asBoolean()).isFalse();
        assertThat(stored.path("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User").path("organizationId")
                .asText()).isEqualTo("9");
    }

    @Test
    void without_patch_or_etags_it_puts_without_if_match() {
        String a = noPatchNoEtag.seedUser("a@example.com");
        List<String> ifMatch = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(noPatchNoEtag.baseUrl())) {
            proxy.rule(r -> {
                if (r.method().equals("PUT")) {
                    ifMatch.add(String.valueOf(r.header("If-Match")));
                }
                return Fault.forward();
            });
            CliResult r = cli(proxy.baseUrl(), noPatchNoEtag.token()).run("users", "deactivate", "--yes", a)
                    .assertExit(ExitCode.OK);
            assertThat(r.err()).contains("supports neither PATCH nor ETags");
        }
        assertThat(ifMatch).containsExactly("null");
        assertThat(active(noPatchNoEtag, a)).isFalse();
    }

    @Test
    void delete_with_yes_deletes_each_user_once() {
        String a = server.seedUser("a@example.com");
        String b = server.seedUser("b@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            CliResult r = cli(proxy.baseUrl(), server.token()).run("users", "delete", "--yes", "a@example.com", a)
                    .assertExit(ExitCode.OK);
            assertThat(proxy.count("DELETE", "/scim/v2/Users/" + a)).isEqualTo(1);
            assertThat(r.err()).contains("Will delete 1 user").contains("Deleted 1 user.");
        }
        assertThat(server.store().user(a)).isEmpty();
        assertThat(server.store().user(b)).isPresent();
    }

    @Test
    void delete_on_a_terminal_asks_first() {
        String a = server.seedUser("a@example.com");
        cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1").stdin("no\n").run("users", "delete", a)
                .assertExit(ExitCode.PROBLEMS);
        assertThat(server.store().user(a)).isPresent();
        cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1").stdin("yes\n").run("users", "delete", a)
                .assertExit(ExitCode.OK);
        assertThat(server.store().user(a)).isEmpty();
    }
}
