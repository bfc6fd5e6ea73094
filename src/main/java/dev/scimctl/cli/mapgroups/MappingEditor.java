package dev.scimctl.cli.mapgroups;

import dev.scimctl.output.Styles;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.ErrorHandler;
import dev.scimctl.mapping.Explainer;
import dev.scimctl.mapping.MappingFinding;
import dev.scimctl.mapping.GroupDirectory;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingCheck;
import dev.scimctl.mapping.MappingEdits;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.MappingSession;
import dev.scimctl.mapping.RoleCatalog;
import dev.scimctl.mapping.RoleType;
import dev.scimctl.mapping.MappingSeverity;
import dev.scimctl.mapping.Suggestions;
import dev.scimctl.output.TablePrinter;
import dev.scimctl.scim.ScimException;
import dev.scimctl.text.Counted;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The interactive editor of {@code scimctl map-groups}: a JLine line reader with completion of commands, group names
 * (from the server and the mapping), role names and types. The state and every rule live in {@code mapping/}
 * ({@link MappingSession}, {@link MappingEdits}, {@link MappingCheck}); this class reads lines and prints.
 */
final class MappingEditor {
    static final List<String> COMMANDS =
            List.of("list", "show", "set", "unset", "check", "explain", "refresh", "save", "quit", "help");
    private static final int MEMBERS_SHOWN = 20;

    private final Terminal terminal;
    private final PrintWriter out;
    private final MappingSession session;
    private final RoleCatalog catalog;
    private final Supplier<GroupDirectory> server;
    private final String serverName;
    private final Ansi ansi;
    private final UnaryOperator<String> scrub;
    private GroupDirectory directory;

    /**
     * @param server     reads the server's groups and users; may throw (the editor then works offline)
     * @param serverName how to name the server in messages
     * @param scrub      removes the token from a message, as the error handler does for commands
     */
    MappingEditor(Terminal terminal, MappingSession session, RoleCatalog catalog, Supplier<GroupDirectory> server,
                  String serverName, Ansi ansi, UnaryOperator<String> scrub) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.session = session;
        this.catalog = catalog;
        this.server = server;
        this.serverName = serverName;
        this.ansi = ansi;
        this.scrub = scrub;
    }

    /** Runs until quit; returns the exit code (1 when input ended with changes unsaved). */
    int run() {
        out.println(ansi.string("@|bold scimctl map-groups|@: editing ") + session.file()
                + (session.existsOnDisk() ? "" : " (a new file)") + ". Tab completes; 'help' lists the commands.");
        refresh();
        list();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("scimctl-map-groups")
                .parser(new DefaultParser())
                .completer(new EditorCompleter(this::groupNames, this::roleNames, this::userNames))
                .build();
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line, as in a shell; 'quit' leaves.
            } catch (EndOfFileException e) {
                Boolean quit = confirmQuit();
                if (quit == null || quit) {
                    return quit == null ? 1 : 0;
                }
                continue;
            }
            if (quoteLeftOpen(line)) {
                error("a quote is not closed: close it (set \"Help Desk\" …), or let Tab complete the name");
                out.flush();
                continue;
            }
            List<String> words = reader.getParsedLine() == null ? List.of() : reader.getParsedLine().words().stream()
                    .filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                continue;
            }
            String command = words.get(0).toLowerCase(Locale.ROOT);
            if (command.equals("quit") || command.equals("exit") || command.equals("q")) {
                Boolean quit = confirmQuit();
                if (quit == null || quit) {
                    return quit == null ? 1 : 0;
                }
                continue;
            }
            try {
                dispatch(command, words.subList(1, words.size()));
            } catch (UsageException | InputException | ScimException e) {
                error(ErrorHandler.message(e));
            }
            out.flush();
        }
    }

    private String prompt() {
        return session.dirty() ? "map-groups (unsaved)> " : "map-groups> ";
    }

    private void dispatch(String command, List<String> args) {
        switch (command) {
            case "list", "ls" -> list();
            case "show" -> show(oneArgument(args, "show GROUP"));
            case "set" -> set(args);
            case "unset" -> unset(oneArgument(args, "unset GROUP"));
            case "check" -> check();
            case "explain" -> explain(oneArgument(args, "explain USER"));
            case "refresh" -> {
                refresh();
                list();
            }
            case "save" -> save();
            case "help", "?" -> help();
            default -> error("unknown command \"" + command + "\"" + Suggestions.didYouMean(command, COMMANDS)
                    + ": the commands are " + String.join(", ", COMMANDS));
        }
    }

    private static String oneArgument(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new UsageException("usage: " + usage + " (quote a name with spaces, or complete it with Tab)");
        }
        return args.get(0);
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    private void refresh() {
        try {
            out.println("Reading groups and users from " + serverName + " …");
            out.flush();
            directory = server.get();
            out.println(Counted.of(directory.groups().size(), "group") + " on the server.");
        } catch (UsageException | ScimException e) {
            directory = null;
            String why = ErrorHandler.message(e);
            warn("working without the server: " + why + (why.matches(".*[.?!]$") ? "" : ".")
                    + " Group names and 'check' need it; 'refresh' tries again.");
        }
    }

    /** Every group the server holds next to the mapping's entries. */
    private void list() {
        TreeSet<String> names = new TreeSet<>(GroupRoleMapping.NAME_ORDER);
        names.addAll(session.current().groups());
        if (directory != null) {
            directory.groups().forEach(g -> {
                if (session.current().find(g.displayName()).isEmpty()) {
                    names.add(g.displayName());
                }
            });
        }
        if (names.isEmpty()) {
            out.println("No groups on the server and none mapped yet. Map one: set GROUP --type technician --role ROLE");
            return;
        }
        TablePrinter table = new TablePrinter(List.of("group", "members", "type", "roles", "status"));
        for (String name : names) {
            GroupRoleMapping.Entry e = session.current().find(name).orElse(null);
            List<GroupDirectory.Group> held = directory == null ? List.of() : directory.namedIgnoringCase(name);
            String members = directory == null ? "?" : held.isEmpty() ? "-"
                    : String.valueOf(held.stream().mapToInt(g -> g.userIds().size()).sum());
            String status = directory == null ? "" : e == null ? "unmapped" : held.isEmpty() ? "not on the server" : "";
            table.row(e == null ? name : e.group(), members, e == null ? "" : e.type().fileName(),
                    e == null ? "" : String.join(", ", e.roles()), status);
        }
        table.printTable(out, ansi);
    }

    private void show(String group) {
        GroupRoleMapping.Entry e = session.current().find(group).orElse(null);
        List<GroupDirectory.Group> held = directory == null ? List.of() : directory.namedIgnoringCase(group);
        if (e == null && held.isEmpty()) {
            throw new UsageException("no group \"" + group + "\" in the mapping" + (directory == null ? "" : " or on the server")
                    + Suggestions.didYouMean(group, groupNames()));
        }
        out.println(ansi.string("@|bold " + (e != null ? e.group() : held.get(0).displayName()) + "|@"));
        if (e == null) {
            out.println("  not mapped: its members get no roles from it");
        } else {
            out.println("  type:    " + e.type().fileName());
            out.println("  roles:   " + String.join(", ", e.roles()));
            if (e.note() != null) {
                out.println("  note:    " + e.note());
            }
        }
        if (directory == null) {
            out.println("  server:  unknown (working without the server)");
        } else if (held.isEmpty()) {
            out.println("  server:  no such group on the server");
        }
        for (GroupDirectory.Group g : held) {
            List<String> members = g.userIds().stream().map(directory::label).sorted(GroupRoleMapping.NAME_ORDER).toList();
            String shown = String.join(", ", members.subList(0, Math.min(MEMBERS_SHOWN, members.size())))
                    + (members.size() > MEMBERS_SHOWN ? " … and " + (members.size() - MEMBERS_SHOWN) + " more" : "");
            out.println("  server:  " + Counted.of(members.size(), "member") + (members.isEmpty() ? "" : ": " + shown));
        }
    }

    /** {@code set GROUP [--type T] --role R [--role R …] [--note TEXT]}, the options of the command line. */
    private void set(List<String> args) {
        String group = null;
        RoleType type = null;
        String note = null;
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") && a.startsWith("-") ? a.substring(0, a.indexOf('=')) : a;
            boolean inline = !option.equals(a);
            if (option.equals("--type") || option.equals("-t") || option.equals("--role") || option.equals("-r")
                    || option.equals("--note")) {
                String value;
                if (inline) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(option + " needs a value");
                }
                switch (option) {
                    case "--type", "-t" -> type = RoleType.lenient(value).orElseThrow(() -> new UsageException("\""
                            + value + "\" is not a role type: use technician or endUser"));
                    case "--note" -> note = value;
                    default -> roles.add(value);
                }
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a + ": set takes --type, --role and --note");
            } else if (group == null) {
                group = a;
            } else {
                throw new UsageException("more than one group name (\"" + group + "\", \"" + a + "\"): quote a name "
                        + "with spaces, or complete it with Tab");
            }
        }
        if (group == null) {
            throw new UsageException("usage: set GROUP --type technician|endUser --role ROLE [--role ROLE …]");
        }
        GroupRoleMapping.Entry existing = session.current().find(group).orElse(null);
        GroupRoleMapping.Entry entry = MappingEdits.entry(group, type, roles, note, existing, catalog);
        if (!session.set(entry)) {
            out.println("\"" + entry.group() + "\" is mapped so already.");
            return;
        }
        out.println("\"" + entry.group() + "\" → " + entry.type().label() + ": " + String.join(", ", entry.roles())
                + " (not saved yet; 'save' writes " + session.file() + ")");
        if (directory != null && directory.namedIgnoringCase(entry.group()).isEmpty()) {
            warn("the server holds no group \"" + entry.group() + "\"" + Suggestions.didYouMean(entry.group(),
                    directory.groupNames()));
        }
    }

    private void unset(String group) {
        GroupRoleMapping.Entry e = session.current().find(group).orElseThrow(() -> new UsageException("\"" + group
                + "\" is not mapped" + Suggestions.didYouMean(group, session.current().groups())));
        session.unset(e.group());
        out.println("\"" + e.group() + "\" removed (not saved yet; 'save' writes " + session.file() + ")");
    }

    private void check() {
        List<MappingFinding> findings;
        if (directory == null) {
            findings = new ArrayList<>();
            session.current().entries().forEach(e -> findings.addAll(MappingCheck.entry(e, catalog)));
            warn("without the server, only the roles are checked; 'refresh' tries the server again");
        } else {
            findings = MappingCheck.run(session.current(), catalog, directory);
        }
        FindingsView.text(findings, out, ansi);
        boolean errors = findings.stream().anyMatch(f -> f.severity() == MappingSeverity.ERROR);
        out.println((errors ? ansi.string("@|bold,red check failed:|@ ") : ansi.string("@|bold,green check passed:|@ "))
                + FindingsView.summary(findings) + (session.dirty() ? " (in the unsaved mapping)" : ""));
        if (catalog == null) {
            out.println("Role names were not checked against NinjaOne's roles: start with --roles FILE for that.");
        }
    }

    private void explain(String user) {
        if (directory == null) {
            throw new UsageException("explain needs the server: 'refresh' tries it again");
        }
        GroupDirectory.User u = directory.findUser(user).orElseThrow(() -> new UsageException("no user \"" + user
                + "\" on the server" + Suggestions.didYouMean(user, userNames())));
        ExplanationView.text(Explainer.explain(u, session.current(), catalog, directory), out, ansi);
    }

    private void save() {
        boolean existed = session.existsOnDisk();
        if (existed && !session.dirty()) {
            out.println("No changes to save.");
            return;
        }
        if (session.changedOnDisk() && !confirm(session.file() + " changed on disk since the editor read it (edited by "
                + "hand, or by git?): saving replaces that version, which is kept as "
                + MappingFile.backupOf(session.file()) + ". Save anyway? [y/N] ")) {
            out.println("Not saved: quit and open the editor again to start from the file as it is now, or 'save' "
                    + "again and answer y to replace it.");
            return;
        }
        session.save();
        out.println("Saved " + session.file() + (existed ? " (the previous version is " + MappingFile.backupOf(session.file())
                + ")" : "") + ".");
    }

    /** Whether a quote is open at the end of the line: the reader's parser takes it to the end, as one word. */
    private static boolean quoteLeftOpen(String line) {
        try {
            new DefaultParser().eofOnUnclosedQuote(true).parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE);
            return false;
        } catch (EOFError e) {
            return true;
        }
    }

    /** Asks a yes/no question; Ctrl-C or the end of input is no. */
    private boolean confirm(String question) {
        LineReader confirm = LineReaderBuilder.builder().terminal(terminal)
                .variable(LineReader.DISABLE_HISTORY, true).build();
        try {
            return confirm.readLine(question).strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    /** @return true to quit, false to stay, null when input ended before an answer (quit, changes lost) */
    private Boolean confirmQuit() {
        if (!session.dirty()) {
            return true;
        }
        int n = session.changes();
        LineReader confirm = LineReaderBuilder.builder().terminal(terminal)
                .variable(LineReader.DISABLE_HISTORY, true).build();
        String answer;
        try {
            answer = confirm.readLine(Counted.of(n, "unsaved change") + " to " + session.file()
                    + ". Quit without saving? [y/N] ");
        } catch (UserInterruptException e) {
            answer = "n";
        } catch (EndOfFileException e) {
            warn("input ended: " + Counted.of(n, "unsaved change") + " not saved");
            return null;
        }
        if (answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            out.println("Quit without saving.");
            return true;
        }
        out.println("Not quitting: 'save' writes " + session.file() + ".");
        return false;
    }

    private void help() {
        out.println("""
                Commands (Tab completes commands, group names, role names and types):
                  list                      the server's groups next to the mapping
                  show GROUP                one group: its roles and members
                  set GROUP --type technician|endUser --role ROLE [--role ROLE …] [--note TEXT]
                                            map a group, replacing its roles (--type may be left out with --roles)
                  unset GROUP               remove a group from the mapping
                  check                     check the mapping (unsaved changes included) against the server
                  explain USER              the roles one user would get, and why
                  refresh                   read the server's groups and users again
                  save                      write the file (atomically; the previous version is kept as FILE.bak)
                  quit                      leave (asks first when there are unsaved changes)
                Quote names with spaces ("Help Desk"), or let Tab complete them. The prompt says (unsaved) when
                the mapping differs from the file.""");
    }

    // ---- completion sources --------------------------------------------------------------------------------------

    private List<String> groupNames() {
        TreeSet<String> names = new TreeSet<>(GroupRoleMapping.NAME_ORDER);
        names.addAll(session.current().groups());
        if (directory != null) {
            names.addAll(directory.groupNames());
        }
        return List.copyOf(names);
    }

    private List<String> roleNames(RoleType type) {
        TreeSet<String> names = new TreeSet<>(GroupRoleMapping.NAME_ORDER);
        if (catalog != null) {
            names.addAll(catalog.names(type));
        }
        session.current().entries().stream().filter(e -> type == null || e.type() == type)
                .forEach(e -> names.addAll(e.roles()));
        return List.copyOf(names);
    }

    private List<String> userNames() {
        if (directory == null) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>(GroupRoleMapping.NAME_ORDER);
        directory.groups().forEach(g -> g.userIds().forEach(id -> directory.user(id)
                .map(GroupDirectory.User::userName).ifPresent(names::add)));
        return List.copyOf(names);
    }

    private void warn(String message) {
        out.println(Styles.warning(ansi) + scrub.apply(message));
        out.flush();
    }

    private void error(String message) {
        out.println(Styles.error(ansi) + scrub.apply(message));
        out.flush();
    }
}
