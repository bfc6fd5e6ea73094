package dev.scimctl.mapping;

import dev.scimctl.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingFileTest {
    @TempDir
    Path dir;

    private static GroupRoleMapping sample() {
        return GroupRoleMapping.of(List.of(
                new GroupRoleMapping.Entry("help desk", RoleType.TECHNICIAN, List.of("Remote Access", "Help Desk Technician")),
                new GroupRoleMapping.Entry("All Staff", RoleType.END_USER, List.of("Portal User"), "everyone \"in\" Duo")));
    }

    private static InputException parseError(String json) {
        try {
            MappingFile.parse(json.getBytes(StandardCharsets.UTF_8), "group-roles.json");
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("expected an InputException for:\n" + json);
    }

    @Test
    void writes_groups_and_roles_sorted_in_a_fixed_layout() {
        assertThat(MappingFile.render(sample())).isEqualTo("""
                {
                  "version": 1,
                  "groups": [
                    {
                      "group": "All Staff",
                      "type": "endUser",
                      "roles": [
                        "Portal User"
                      ],
                      "note": "everyone \\"in\\" Duo"
                    },
                    {
                      "group": "help desk",
                      "type": "technician",
                      "roles": [
                        "Help Desk Technician",
                        "Remote Access"
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void reads_back_what_it_writes() {
        GroupRoleMapping m = sample();
        byte[] bytes = MappingFile.render(m).getBytes(StandardCharsets.UTF_8);
        assertThat(MappingFile.parse(bytes, "x")).isEqualTo(m);
        assertThat(MappingFile.render(GroupRoleMapping.empty())).isEqualTo("{\n  \"version\": 1,\n  \"groups\": []\n}\n");
        assertThat(MappingFile.parse(MappingFile.render(GroupRoleMapping.empty()).getBytes(StandardCharsets.UTF_8), "x"))
                .isEqualTo(GroupRoleMapping.empty());
    }

    @Test
    void a_write_replaces_the_file_whole_and_keeps_the_previous_version_as_bak() throws Exception {
        Path file = dir.resolve("group-roles.json");
        GroupRoleMapping first = sample();
        MappingFile.write(file, first);
        assertThat(MappingFile.backupOf(file)).doesNotExist();

        GroupRoleMapping second = first.without("All Staff");
        MappingFile.write(file, second);
        assertThat(MappingFile.read(file)).isEqualTo(second);
        assertThat(MappingFile.read(MappingFile.backupOf(file))).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            // No temporary file is left behind beside it.
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("group-roles.json", "group-roles.json.bak");
        }
    }

    @Test
    void a_comment_or_an_out_of_range_version_is_explained_without_the_parsers_feature_names() {
        // Jackson's own wording told a hand-editor to enable 'ALLOW_COMMENTS', a switch only a programmer has.
        assertThat(parseError("{\"version\": 1, // why\n \"groups\": []}").getMessage())
                .isEqualTo("group-roles.json:1:16: not valid JSON: JSON has no comments: remove it, and put the "
                        + "reason in the entry's \"note\"");
        assertThat(parseError("{\"version\": 1, /* why */ \"groups\": []}").getMessage())
                .isEqualTo("group-roles.json:1:16: not valid JSON: JSON has no comments: remove it, and put the "
                        + "reason in the entry's \"note\"");
        assertThat(parseError("{\"version\": 99999999999, \"groups\": []}").getMessage())
                .isEqualTo("group-roles.json:1:13: \"version\" must be 1, not 99999999999");
    }

    @Test
    void a_group_mapped_twice_in_two_unicode_forms_is_reported() {
        InputException e = parseError("{\"version\": 1, \"groups\": [\n"
                + "{\"group\": \"Caf\u00e9\", \"type\": \"endUser\", \"roles\": [\"P\"]},\n"
                + "{\"group\": \"Cafe\u0301\", \"type\": \"endUser\", \"roles\": [\"P\"]}]}");
        assertThat(e.getMessage()).contains("is mapped twice (first at line 2");
    }

    @Test
    void a_file_saved_in_latin_1_is_told_to_be_saved_as_utf_8_not_to_fix_its_commas() {
        byte[] latin1 = "{\"version\": 1, \"groups\": [{\"group\": \"Caf\u00e9 Staff\", \"type\": \"endUser\", \"roles\": [\"P\"]}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> MappingFile.parse(latin1, "group-roles.json")).isInstanceOf(InputException.class)
                .hasMessage("group-roles.json:1:43: not valid JSON: the file is not UTF-8 (saved as Windows-1252 or "
                        + "Latin-1?): save it as UTF-8");
    }

    @Test
    void a_trailing_comma_is_reported_with_line_and_column() {
        InputException e = parseError("""
                {
                  "version": 1,
                  "groups": [
                    {"group": "Help Desk", "type": "technician", "roles": ["A",]}
                  ]
                }
                """);
        assertThat(e.getMessage()).isEqualTo("group-roles.json:4:64: not valid JSON: an extra comma before ']': remove it");
        assertThat(parseError("{\"version\": 1,}").getMessage())
                .isEqualTo("group-roles.json:1:15: not valid JSON: an extra comma before '}': remove it");
        assertThat(parseError("{\"version\": 1, \"groups\": [").getMessage())
                .endsWith("not valid JSON: the file ends too early: a closing ']' or '}' is missing");
        assertThat(parseError("{\"version\": 1 \"groups\": []}").getMessage())
                .isEqualTo("group-roles.json:1:15: not valid JSON: a comma is missing before this: add it");
        assertThat(parseError("{\"version\": 1, \"groups\": [}").getMessage())
                .isEqualTo("group-roles.json:1:27: not valid JSON: '}' where ']' should close what was opened: make the "
                        + "brackets pair up");
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": 'A'}]}").getMessage())
                .isEqualTo("group-roles.json:1:37: not valid JSON: JSON strings take double quotes (\"), not single ones: "
                        + "replace them");
        assertThat(parseError("{\"version\": 1, \"groups\": [x]}").getMessage())
                .startsWith("group-roles.json:1:27: not valid JSON: Unrecognized token").contains("fix the syntax there");
    }

    @Test
    void the_public_api_spelling_of_a_type_is_refused_with_the_fix() {
        InputException e = parseError("""
                {
                  "version": 1,
                  "groups": [
                    {
                      "group": "All Staff",
                      "type": "END_USER",
                      "roles": ["Portal User"]
                    }
                  ]
                }
                """);
        assertThat(e.getMessage()).isEqualTo("group-roles.json:6:15: \"type\" is \"END_USER\", but it must be "
                + "\"technician\" or \"endUser\": write \"endUser\" (END_USER is the public REST API's spelling, not the file's)");
    }

    @Test
    void an_unknown_role_type_is_refused_at_its_location() {
        InputException e = parseError("{\"version\": 1, \"groups\": [{\"group\": \"G\", \"type\": \"admin\", \"roles\": [\"R\"]}]}");
        assertThat(e.getMessage()).startsWith("group-roles.json:1:50: \"type\" is \"admin\", but it must be");
    }

    @Test
    void a_group_mapped_twice_names_both_lines() {
        InputException e = parseError("""
                {"version": 1, "groups": [
                  {"group": "Help Desk", "type": "technician", "roles": ["A"]},
                  {"group": "help desk", "type": "endUser", "roles": ["B"]}
                ]}
                """);
        assertThat(e.getMessage()).startsWith("group-roles.json:3:3: group \"help desk\" is mapped twice (first at line 2")
                .endsWith("merge the two entries into one");
    }

    @Test
    void wrong_value_types_say_what_was_found_and_where() {
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": \"G\", \"type\": \"technician\", \"roles\": \"R\"}]}")
                .getMessage()).startsWith("group-roles.json:1:73: \"roles\" must be a list of role names")
                .contains("not the string \"R\"").endsWith("(put the name in [ ])");
        assertThat(parseError("{\"version\": \"1\", \"groups\": []}").getMessage())
                .isEqualTo("group-roles.json:1:13: \"version\" must be the number 1, not the string \"1\"");
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": 7, \"type\": \"technician\", \"roles\": [\"R\"]}]}")
                .getMessage()).startsWith("group-roles.json:1:37: \"group\" must be a string");
        assertThat(parseError("[]").getMessage()).startsWith("group-roles.json:1:1: the mapping file must hold one JSON object");
    }

    @Test
    void a_misnamed_field_gets_a_hint() {
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": \"G\", \"type\": \"technician\", \"role\": [\"R\"]}]}")
                .getMessage()).contains("unknown field \"role\" in a group entry").endsWith("(did you mean \"roles\"?)");
    }

    @Test
    void missing_fields_empty_roles_and_stray_spaces_are_refused() {
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": \"G\", \"roles\": [\"R\"]}]}").getMessage())
                .isEqualTo("group-roles.json:1:27: the entry of \"G\" has no \"type\": add \"type\": \"technician\" or "
                        + "\"type\": \"endUser\"");
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": \"G\", \"type\": \"endUser\", \"roles\": []}]}")
                .getMessage()).contains("\"roles\" is empty");
        assertThat(parseError("{\"version\": 1, \"groups\": [{\"group\": \"G \", \"type\": \"endUser\", \"roles\": [\"R\"]}]}")
                .getMessage()).contains("has spaces at its start or end").endsWith("write \"G\"");
        assertThat(parseError("{\"groups\": []}").getMessage()).contains("no \"version\"");
        assertThat(parseError("{\"version\": 1, \"version\": 1}").getMessage())
                .startsWith("group-roles.json:1:").contains("'version' appears twice");
    }

    @Test
    void a_file_from_a_newer_scimctl_is_refused() {
        assertThat(parseError("{\"version\": 2, \"groups\": []}").getMessage())
                .contains("this file is version 2, written by a newer scimctl").endsWith("upgrade scimctl");
    }

    @Test
    void an_empty_or_missing_file_says_how_to_start_one() {
        assertThat(parseError("  \n").getMessage()).contains("the mapping file is empty");
        assertThatThrownBy(() -> MappingFile.read(dir.resolve("nope.json")))
                .hasMessageContaining("no such mapping file").hasMessageContaining("scimctl map-groups set");
        assertThat(MappingFile.readIfExists(dir.resolve("nope.json"))).isEqualTo(GroupRoleMapping.empty());
    }
}
