package dev.scimctl.testing;

import java.util.List;
import java.util.Map;

/**
 * A representative invocation of each edit command (users create/set/replace, groups create/rename/add-members/
 * remove-members/delete), for the tests that run every command: ColourTest and TokenNeverPrintedTest. They expect the
 * sandbox's seeded users (user0001@example.com …) and its group "Everyone".
 */
public final class EditInvocations {
    private EditInvocations() {
    }

    public static void addTo(Map<String, List<String[]>> invocations) {
        invocations.put("scimctl users create", List.of(new String[]{"users", "create", "--user-name", "new@example.com",
                "--given-name", "New", "--family-name", "User", "--user-type", "technician"},
                new String[]{"users", "create", "--user-name", "bad@example.com", "--given-name", "B", "--family-name",
                        "C", "--user-type", "enduser"}, new String[]{"users", "create", "--user-name", "d@example.com",
                        "--given-name", "D", "--family-name", "E", "--dry-run"}));
        invocations.put("scimctl users set", List.of(new String[]{"users", "set", "user0003@example.com", "nickName=N"},
                new String[]{"users", "set", "user0003@example.com", "nope=1"},
                new String[]{"users", "set", "nobody@example.com", "active=false"}));
        invocations.put("scimctl users replace", List.of(new String[]{"users", "replace", "user0003@example.com", "--from",
                "missing.json"}, new String[]{"users", "replace", "nobody@example.com", "--from", "missing.json"}));
        invocations.put("scimctl groups create", List.of(new String[]{"groups", "create", "Created"},
                new String[]{"groups", "create", "Everyone"}));
        invocations.put("scimctl groups rename", List.of(new String[]{"groups", "rename", "Created", "Renamed", "--dry-run"},
                new String[]{"groups", "rename", "nobody", "x"}));
        invocations.put("scimctl groups add-members", List.of(new String[]{"groups", "add-members", "Everyone",
                "user0003@example.com", "user0004@example.com"}, new String[]{"groups", "add-members", "Everyone",
                "user0003@example.com", "--dry-run"}));
        invocations.put("scimctl groups remove-members", List.of(new String[]{"groups", "remove-members", "Everyone",
                "user0003@example.com", "--yes"}, new String[]{"groups", "remove-members", "Everyone", "nobody"}));
        invocations.put("scimctl groups delete", List.of(new String[]{"groups", "delete", "Everyone"},
                new String[]{"groups", "delete", "Everyone", "--dry-run"}));
    }
}
