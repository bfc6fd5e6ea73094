package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file's group names against the server's, as {@code groups} commands compare them: an exact name first, another
 * case only where one group has it, accents the same however they are encoded; several in other cases is refused
 * before anything is written.
 */
class ImportGroupNamesTest {
    @RegisterExtension
    final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", server.baseUrl())
                .env("SCIMCTL_TOKEN", server.token());
    }

    private Path csv(String group) throws Exception {
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, "username,email,firstname,lastname,userType,organizationId,group1\n"
                + "anna,anna@example.com,Anna,Alt,technician,," + group + "\n");
        return csv;
    }

    @Test
    void a_name_several_groups_have_only_in_other_cases_is_refused_before_any_write() throws Exception {
        String upper = server.seedGroup("TEAM");
        String title = server.seedGroup("Team");
        String before = server.store().users().toString() + server.store().groups();

        CliResult r = cli().run("import", "--yes", csv("team").toString()).assertExit(ExitCode.PROBLEMS);

        assertThat(r.err()).contains("2 groups on the server are named 'team' ignoring case")
                .contains(upper).contains(title).contains("write one's exact display name in the file");
        assertThat(server.store().users().toString() + server.store().groups()).isEqualTo(before);
    }

    @Test
    void the_exact_name_wins_over_its_other_cases() throws Exception {
        server.seedGroup("TEAM");
        String title = server.seedGroup("Team");

        cli().run("import", "--yes", csv("Team").toString()).assertExit(ExitCode.OK);

        assertThat(server.store().groups()).hasSize(2);
        assertThat(server.store().group(title).orElseThrow().path("members").toString()).contains("\"value\"");
    }

    @Test
    void an_accent_encoded_the_other_way_is_the_same_group_not_a_new_one() throws Exception {
        server.seedGroup("Cafe\u0301"); // e + combining acute: looks like "Café"
        CliResult r = cli().run("import", "--yes", csv("Caf\u00e9").toString()).assertExit(ExitCode.OK);
        assertThat(server.store().groups()).as(r.err()).hasSize(1);
    }
}
