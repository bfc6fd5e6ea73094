package dev.scimctl.golden;

import dev.scimctl.output.OutputFormat;
import dev.scimctl.testing.ScimServerExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scimctl.testing.Users.user;

/**
 * The command lines whose output {@link OutputGoldenTest} keeps, with the fixed files and server state they run
 * against. {@code {dir}} in an argument is the run's own folder, which also holds {@link #FILES}.
 */
final class GoldenCases {
    /** The sandbox's token: fixed, because test-connection and config show print its last four characters. */
    static final String TOKEN = "golden-files-token-0042";

    /** Written into each run's folder. */
    static final Map<String, String> FILES = Map.of(
            // One row unchanged, one updated (organization 7 to 8), one created and added to a group.
            "users.csv", """
                    email,firstname,lastname,userType,organizationId,group1
                    ann@example.com,Ann,Bee,technician,,Staff
                    carl@example.com,Carl,Dee,endUser,8,Staff
                    dave@example.com,Dave,Eve,endUser,7,Night shift
                    """,
            "carl.json", """
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "carl@example.com",
                     "name": {"givenName": "Carl", "familyName": "Dee"}, "nickName": "Charlie", "active": true,
                     "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User": {"userType": "endUser",
                     "organizationId": "7"}}
                    """,
            "token.txt", "profile-token-0007\n");

    /** Three users (a technician, an end user of organization 7, an inactive global end user) in two groups. */
    static void seed(ScimServerExtension server) {
        String ann = server.seedUser(user("ann@example.com").name("Ann", "Bee").type("technician").json());
        String carl = server.seedUser(user("carl@example.com").name("Carl", "Dee").type("endUser").organization("7")
                .json());
        String eve = server.seedUser(user("eve@example.com").name("Eve", "Fox").type("endUser").organization("All")
                .inactive().json());
        server.seedGroup("Staff", ann, carl);
        server.seedGroup("Night shift", eve);
    }

    /**
     * A command line; {@code setup} runs before it (each must exit 0); {@code server} gives it the sandbox;
     * {@code formats} limits the run to these (empty: every format the command takes).
     */
    record Case(String name, List<String> args, List<List<String>> setup, boolean server, List<OutputFormat> formats) {
        static Case local(String name, String... args) {
            return new Case(name, List.of(args), List.of(), false, List.of());
        }

        static Case server(String name, String... args) {
            return new Case(name, List.of(args), List.of(), true, List.of());
        }

        Case after(String... step) {
            List<List<String>> steps = new ArrayList<>(setup);
            steps.add(List.of(step));
            return new Case(name, args, steps, server, formats);
        }

        /** Where the format changes nothing (a dry run prints the request), one run is enough. */
        Case only(OutputFormat... fs) {
            return new Case(name, args, setup, server, List.of(fs));
        }
    }

    private static final String[] MAPPING = {"map-groups", "set", "Helpdesk", "-t", "technician", "-r", "Technician",
            "-r", "Billing", "--note", "first line, =not a formula", "-m", "{dir}/group-roles.json"};
    private static final String[] MAPPING_2 = {"map-groups", "set", "Staff", "-t", "endUser", "-r", "End user", "-m",
            "{dir}/group-roles.json"};
    private static final String[] PROFILE = {"config", "set-profile", "lab", "--url", "http://127.0.0.1:8080/scim/v2"};
    private static final String[] IMPORT = {"import", "--yes", "--journal", "{dir}/import.journal", "{dir}/users.csv"};

    static final List<Case> ALL = List.of(
            // Files and local state.
            Case.local("validate-users-with-mistakes", "validate", "examples/users-with-mistakes.csv"),
            Case.local("map-groups-set", MAPPING),
            Case.local("map-groups-unset", "map-groups", "unset", "helpdesk", "-m", "{dir}/group-roles.json")
                    .after(MAPPING),
            Case.local("map-groups-list", "map-groups", "list", "-m", "{dir}/group-roles.json")
                    .after(MAPPING).after(MAPPING_2),
            Case.local("config-set-profile", PROFILE),
            Case.local("config-set-token", "config", "set-token", "lab", "--token-file", "{dir}/token.txt")
                    .after(PROFILE),
            Case.local("config-use", "config", "use", "lab").after(PROFILE),
            Case.local("config-delete", "config", "delete", "lab").after(PROFILE),
            Case.local("config-list", "config", "list")
                    .after("config", "set-profile", "prod", "--url", "https://eu.ninjarmm.com/ws/scim/v2")
                    .after(PROFILE),
            Case.local("help-formats", "help", "formats"),
            Case.local("help-environment", "help", "environment"),
            Case.local("help-exit-codes", "help", "exit-codes"),
            // Reading the server.
            Case.server("config-show", "config", "show").after(PROFILE).after("config", "use", "lab"),
            Case.server("test-connection", "test-connection"),
            Case.server("service-provider-config", "service-provider-config"),
            Case.server("resource-types", "resource-types"),
            Case.server("resource-types-group", "resource-types", "Group"),
            Case.server("schemas", "schemas"),
            Case.server("schemas-ninjaone", "schemas", "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User"),
            Case.server("users-list", "users", "list"),
            Case.server("users-get", "users", "get", "carl@example.com"),
            Case.server("groups-list", "groups", "list"),
            Case.server("groups-get", "groups", "get", "Staff"),
            Case.server("api", "api", "Users?filter=userName eq \"ann@example.com\""),
            Case.server("probe", "probe"),
            Case.server("map-groups-check", "map-groups", "check", "-m", "{dir}/group-roles.json")
                    .after(MAPPING).after(MAPPING_2),
            Case.server("map-groups-explain", "map-groups", "explain", "carl@example.com", "-m",
                    "{dir}/group-roles.json").after(MAPPING).after(MAPPING_2),
            Case.server("support-bundle", "support", "bundle", "--out", "{dir}/bundle.zip"),
            // Changing it.
            Case.server("import-dry-run", "import", "--dry-run", "{dir}/users.csv"),
            Case.server("import", IMPORT),
            // The import one request at a time: the journal, and so the reverse plan, in the file's order.
            Case.server("import-undo-dry-run", "import", "undo", "--dry-run", "{dir}/import.journal")
                    .after("import", "--yes", "--parallel", "1", "--journal", "{dir}/import.journal", "{dir}/users.csv"),
            Case.server("users-create", "users", "create", "--user-name", "dave@example.com", "--given-name", "Dave",
                    "--family-name", "Eve", "--user-type", "endUser", "--organization-id", "7"),
            Case.server("users-create-dry-run", "users", "create", "--user-name", "dave@example.com", "--given-name",
                    "Dave", "--family-name", "Eve", "--user-type", "technician", "--dry-run").only(OutputFormat.tsv),
            Case.server("users-set", "users", "set", "carl@example.com", "nickName=Charlie"),
            Case.server("users-set-dry-run", "users", "set", "carl@example.com", "nickName=Charlie", "--dry-run")
                    .only(OutputFormat.tsv),
            Case.server("users-replace", "users", "replace", "carl@example.com", "--from", "{dir}/carl.json"),
            Case.server("users-deactivate", "users", "deactivate", "carl@example.com", "--yes"),
            Case.server("users-delete", "users", "delete", "eve@example.com", "--yes"),
            Case.server("groups-create", "groups", "create", "Helpdesk"),
            Case.server("groups-rename", "groups", "rename", "Night shift", "Nights"),
            Case.server("groups-add-members", "groups", "add-members", "Night shift", "ann@example.com"),
            Case.server("groups-remove-members", "groups", "remove-members", "Staff", "carl@example.com", "--yes"),
            Case.server("groups-delete", "groups", "delete", "Night shift", "--yes"),
            Case.server("groups-delete-dry-run", "groups", "delete", "Night shift", "--dry-run"));

    private GoldenCases() {
    }
}
