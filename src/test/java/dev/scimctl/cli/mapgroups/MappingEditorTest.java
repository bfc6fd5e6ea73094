package dev.scimctl.cli.mapgroups;

import dev.scimctl.ExitCode;
import dev.scimctl.ScimCtl;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.console.TerminalOpener;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleType;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.ScimServerExtension;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive editor, driven through a JLine terminal on piped streams (an xterm as far as JLine knows): keys in,
 * screen out. It runs the real command line, 'scimctl map-groups', with the terminal injected through the context.
 */
@Timeout(60)
class MappingEditorTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private Path mapping;
    private Path roles;

    @BeforeEach
    void seed() throws Exception {
        String alice = server.seedUser("alice@example.com");
        server.seedGroup("Help Desk", alice);
        server.seedGroup("All Staff", alice, server.seedUser("carol@example.com"));
        mapping = dir.resolve("group-roles.json");
        roles = dir.resolve("roles.csv");
        Files.writeString(roles, "name,type\nHelp Desk Technician,TECHNICIAN\nRemote Access,TECHNICIAN\nPortal User,END_USER\n");
    }

    /**
     * An xterm as far as JLine knows, on plain streams: JLine's own terminal emulation (no pty, so what is written is
     * on the screen at once), with echo off so that keys typed ahead do not show before their prompt.
     */
    private static Terminal pipedTerminal(String keys, ByteArrayOutputStream screen) throws IOException {
        return pipedTerminal(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen);
    }

    private static Terminal pipedTerminal(InputStream keys, ByteArrayOutputStream screen) throws IOException {
        return new ExternalTerminal(null, "test", "xterm", keys,
                screen, StandardCharsets.UTF_8, Terminal.SignalHandler.SIG_DFL, false, new Attributes(), new Size(160, 50));
    }

    /**
     * Keys typed in two parts: the second is held back until the screen shows {@code shown}, and {@code meanwhile}
     * runs just before it, as something done in another window while the editor waits at its prompt.
     */
    private static InputStream keysWithPause(String first, String shown, Runnable meanwhile, String second,
                                             ByteArrayOutputStream screen) {
        return new SequenceInputStream(new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8)), new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws IOException {
                if (rest == null) {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (!screen.toString(StandardCharsets.UTF_8).contains(shown) && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    meanwhile.run();
                    rest = new ByteArrayInputStream(second.getBytes(StandardCharsets.UTF_8));
                }
                return rest.read();
            }
        });
    }

    /** What the editor showed, and how the command ended. */
    private record Session(int exitCode, String screen, String err) {
    }

    /** Types the keys into the editor of 'scimctl map-groups' and returns once it has ended. */
    private Session type(String keys, String... args) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        return typeOn(() -> pipedTerminal(keys, screen), screen, args);
    }

    private Session typeOn(TerminalOpener terminal, ByteArrayOutputStream screen, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("SCIMCTL_CONFIG_DIR", dir.toString(), "HOME", dir.toString(),
                "SCIMCTL_URL", server.baseUrl(), "SCIMCTL_TOKEN", server.token(), "NO_COLOR", "1");
        CommandContext context = new CommandContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), env, Terminals.ALL, Clock.systemUTC());
        context.setTerminalOpener(terminal);
        String[] all = new String[args.length + 3];
        all[0] = "map-groups";
        all[1] = "--mapping";
        all[2] = mapping.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = ScimCtl.run(context, all);
        return new Session(code, screen.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void tab_completes_a_group_name_and_set_plus_save_writes_the_file() throws Exception {
        // "Hel" + Tab → "Help Desk"; "Rem" + Tab → "Remote Access"; "tech" + Tab → "technician".
        Session s = type("set Hel\t--type tech\t--role Rem\t\nsave\nquit\n", "--roles", roles.toString());
        assertThat(s.exitCode()).as(s.screen() + s.err()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("set Help\\ Desk ").contains("Saved " + mapping);
        assertThat(MappingFile.read(mapping).entries()).containsExactly(
                new GroupRoleMapping.Entry("Help Desk", RoleType.TECHNICIAN, List.of("Remote Access")));
    }

    @Test
    void it_lists_the_server_groups_next_to_the_mapping() throws Exception {
        MappingFile.write(mapping, GroupRoleMapping.of(List.of(
                new GroupRoleMapping.Entry("Help Desk", RoleType.TECHNICIAN, List.of("Remote Access")),
                new GroupRoleMapping.Entry("Gone", RoleType.END_USER, List.of("Portal User")))));
        Session s = type("quit\n");
        assertThat(s.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("2 groups on the server.")
                .containsPattern("All Staff +2 +unmapped")
                .containsPattern("Gone +- +endUser +Portal User +not on the server")
                .containsPattern("Help Desk +1 +technician +Remote Access");
    }

    @Test
    void quitting_with_unsaved_changes_asks_first_and_no_keeps_the_editor_open() throws Exception {
        Session s = type("set \"All Staff\" --type endUser --role \"Portal User\"\nquit\nn\nquit\ny\n");
        assertThat(s.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("map-groups (unsaved)> ")
                .contains("1 unsaved change to " + mapping + ". Quit without saving? [y/N]")
                .contains("Not quitting").contains("Quit without saving.");
        assertThat(s.screen().indexOf("Not quitting")).isLessThan(s.screen().indexOf("Quit without saving."));
        assertThat(mapping).doesNotExist();
    }

    @Test
    void input_that_ends_with_unsaved_changes_exits_1_and_writes_nothing() {
        Session s = type("set \"All Staff\" --type endUser --role \"Portal User\"\n");
        assertThat(s.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(s.screen()).contains("Quit without saving? [y/N]").contains("input ended: 1 unsaved change not saved");
        assertThat(mapping).doesNotExist();
    }

    @Test
    void check_and_show_work_on_the_unsaved_mapping_and_mistakes_are_refused_in_place() {
        Session s = type("set \"Help Desk\" -t technician -r \"System Administrator\"\n"
                + "set Help\\ Desk -t technician -r \"Help Desk Technician\"\nshow \"help desk\"\ncheck\nbogus\n"
                + "save\nquit\n", "--roles", roles.toString());
        assertThat(s.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("error: \"Help Desk\" is mapped to \"System Administrator\", a "
                        + "system-administrator role")
                .contains("roles:   Help Desk Technician").contains("server:  1 member: alice@example.com")
                .contains("unmapped-group").contains("user-type-mismatch")
                .contains("check passed: 0 errors, 2 warnings (in the unsaved mapping)")
                .contains("error: unknown command \"bogus\"");
        assertThat(MappingFile.read(mapping).groups()).containsExactly("Help Desk");
    }

    @Test
    void a_refused_token_is_reported_in_the_editor_and_never_shown() {
        String wrong = "wrong-token-that-must-not-show-0123456789";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("SCIMCTL_CONFIG_DIR", dir.toString(), "HOME", dir.toString(), "NO_COLOR", "1",
                "SCIMCTL_URL", server.baseUrl(), "SCIMCTL_TOKEN", wrong);
        CommandContext context = new CommandContext(new PrintWriter(new StringWriter()), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), env, Terminals.ALL, Clock.systemUTC());
        context.setTerminalOpener(() -> pipedTerminal("refresh\nquit\n", screen));
        int code = ScimCtl.run(context, "--debug", "map-groups", "--mapping", mapping.toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        String shown = screen.toString(StandardCharsets.UTF_8) + err;
        assertThat(shown).contains("warning: working without the server").contains("401")
                .contains("This is a scimctl sandbox").doesNotContain(wrong);
    }

    @Test
    void without_the_server_it_still_edits_and_says_what_is_missing() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("SCIMCTL_CONFIG_DIR", dir.toString(), "HOME", dir.toString(), "NO_COLOR", "1");
        CommandContext context = new CommandContext(new PrintWriter(new StringWriter()), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]), env, Terminals.ALL, Clock.systemUTC());
        context.setTerminalOpener(() -> pipedTerminal("set G -t endUser -r R\nsave\nquit\n", screen));
        int code = ScimCtl.run(context, "map-groups", "--mapping", mapping.toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("warning: working without the server");
        assertThat(MappingFile.read(mapping).groups()).containsExactly("G");
    }

    @Test
    void a_quote_left_open_is_named_not_taken_for_a_missing_role() {
        // The open quote swallowed the rest of the line into the group name, and the editor said "no roles".
        Session s = type("set \"All Staff --type endUser --role Portal\nquit\n");
        assertThat(s.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("a quote is not closed").doesNotContain("no roles");
    }

    @Test
    void an_unreachable_server_is_one_sentence_in_the_warning() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("SCIMCTL_CONFIG_DIR", dir.toString(), "HOME", dir.toString(), "NO_COLOR", "1",
                "SCIMCTL_URL", "http://127.0.0.1:1/scim/v2", "SCIMCTL_TOKEN", server.token());
        CommandContext context = new CommandContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), env, Terminals.ALL, Clock.systemUTC());
        context.setTerminalOpener(() -> pipedTerminal("quit\n", screen));
        assertThat(ScimCtl.run(context, "map-groups", "--mapping", mapping.toString())).isEqualTo(ExitCode.OK);
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("warning: working without the server: cannot connect")
                .doesNotContain("?.").doesNotContain("..");
    }

    @Test
    void save_does_not_silently_replace_a_file_changed_on_disk_since_the_editor_read_it() throws Exception {
        MappingFile.write(mapping, GroupRoleMapping.of(List.of(
                new GroupRoleMapping.Entry("Help Desk", RoleType.TECHNICIAN, List.of("Remote Access")))));
        String handEdited = MappingFile.render(GroupRoleMapping.of(List.of(
                new GroupRoleMapping.Entry("Help Desk", RoleType.TECHNICIAN, List.of("Remote Access")),
                new GroupRoleMapping.Entry("VPN Users", RoleType.TECHNICIAN, List.of("Remote Access")))));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Session s = typeOn(() -> pipedTerminal(keysWithPause(
                "set \"All Staff\" --type endUser --role \"Portal User\"\n", "not saved yet", () -> {
                    try {
                        Files.writeString(mapping, handEdited); // someone edits the file by hand meanwhile
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "save\nn\nquit\ny\n", screen), screen), screen);
        assertThat(s.exitCode()).as(s.screen() + s.err()).isEqualTo(ExitCode.OK);
        assertThat(s.screen()).contains("changed on disk");
        assertThat(Files.readString(mapping)).isEqualTo(handEdited);
    }
}
