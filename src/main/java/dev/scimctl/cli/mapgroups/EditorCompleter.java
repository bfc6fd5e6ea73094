package dev.scimctl.cli.mapgroups;

import dev.scimctl.mapping.RoleType;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tab completion for the editor: the command first, then what that command takes: group names, user names, role names
 * (of the type given with --type, when given), role types and options. The sources are read at each Tab, so names
 * added by 'set' or read by 'refresh' complete at once.
 */
final class EditorCompleter implements Completer {
    private static final List<String> SET_OPTIONS = List.of("--type", "--role", "--note");

    private final Supplier<List<String>> groups;
    private final Function<RoleType, List<String>> roles;
    private final Supplier<List<String>> users;

    EditorCompleter(Supplier<List<String>> groups, Function<RoleType, List<String>> roles, Supplier<List<String>> users) {
        this.groups = groups;
        this.roles = roles;
        this.users = users;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            add(candidates, MappingEditor.COMMANDS, "commands");
            return;
        }
        String command = words.get(0).toLowerCase(Locale.ROOT);
        String previous = words.get(index - 1);
        switch (command) {
            case "show", "unset" -> {
                if (index == 1) {
                    add(candidates, groups.get(), "groups");
                }
            }
            case "explain" -> {
                if (index == 1) {
                    add(candidates, users.get(), "users");
                }
            }
            case "set" -> {
                if (index == 1) {
                    add(candidates, groups.get(), "groups");
                } else if (previous.equals("--type") || previous.equals("-t")) {
                    add(candidates, List.of(RoleType.TECHNICIAN.fileName(), RoleType.END_USER.fileName()), "types");
                } else if (previous.equals("--role") || previous.equals("-r")) {
                    add(candidates, roles.apply(typeIn(words)), "roles");
                } else if (!previous.equals("--note")) {
                    add(candidates, SET_OPTIONS, "options");
                }
            }
            default -> {
            }
        }
    }

    /** The --type given earlier on the line, so that --role completes roles of that type only. */
    private static RoleType typeIn(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("--type") || words.get(i).equals("-t")) {
                return RoleType.lenient(words.get(i + 1)).orElse(null);
            }
        }
        return null;
    }

    private static void add(List<Candidate> candidates, List<String> values, String group) {
        for (String v : values) {
            candidates.add(new Candidate(v, v, group, null, null, null, true));
        }
    }
}
