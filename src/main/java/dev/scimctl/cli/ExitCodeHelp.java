package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes every command's "Exit codes" list from its {@link ExitCodes}, its mixins' and {@link ExitCode.Meaning}, with
 * what each code means there from the help text (help.properties), so that the help, the man pages (generated from
 * the same model) and {@code scimctl help exit-codes} agree by construction.
 */
final class ExitCodeHelp {
    private static final int WIDTH = 80;
    /** {@code ${bundle:KEY}} in a text: the text of another key, as picocli writes it in descriptions. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{bundle:([^}]+)}");

    private ExitCodeHelp() {
    }

    /** Sets the exit-code lists of the tree: the root lists every code, a command that runs those it can return. */
    static void apply(CommandLine root, ResourceBundle text) {
        CommandSpec spec = root.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes (each command's --help lists its own):%n")
                .exitCodeList(all());
        for (CommandLine sub : root.getSubcommands().values()) {
            applyBelow(sub, text);
        }
    }

    private static void applyBelow(CommandLine c, ResourceBundle text) {
        CommandSpec spec = c.getCommandSpec();
        if (spec.userObject() instanceof Callable<?> || spec.userObject() instanceof Runnable) {
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list(spec, text));
        } else {
            // A group prints no list of its own (picocli would inherit the root's).
            spec.usageMessage().exitCodeListHeading("").exitCodeList(Map.of());
        }
        for (CommandLine sub : c.getSubcommands().values()) {
            if (sub.getParent() == c) { // an alias is the same CommandLine again
                applyBelow(sub, text);
            }
        }
    }

    /**
     * A command's list: OK, USAGE, its own codes and its mixins', in order; each with its label, then what it means
     * here: the command's own words (COMMAND.exit.CODE), else its mixins' (MIXIN.exit.CODE), else the shared summary.
     */
    static Map<String, String> list(CommandSpec command, ResourceBundle text) {
        SortedSet<Integer> codes = codes(command);
        Map<String, Set<String>> mixed = new LinkedHashMap<>();
        command.mixins().values().forEach(m -> addMixin(mixed, m, text));
        String own = command.qualifiedName(".") + ".exit.";
        Map<String, String> list = new LinkedHashMap<>();
        for (int code : codes) {
            ExitCode.Meaning m = ExitCode.Meaning.of(code);
            String key = Integer.toString(code);
            String words = text.containsKey(own + key) ? resolve(text, own + key)
                    : mixed.containsKey(key) ? String.join("; ", mixed.get(key)) : m.summary();
            list.put(key, m.label() + ": " + words);
        }
        return list;
    }

    /** The codes a command can return: OK and USAGE (every command), its own, and those its mixins bring. */
    static SortedSet<Integer> codes(CommandSpec command) {
        SortedSet<Integer> codes = new TreeSet<>(List.of(ExitCode.OK, ExitCode.USAGE));
        addCodes(codes, command);
        return codes;
    }

    private static void addCodes(Set<Integer> codes, CommandSpec spec) {
        // A mixin's subclass brings its codes too (EditOptions, ServerOptions').
        for (Class<?> type = spec.userObject().getClass(); type != null; type = type.getSuperclass()) {
            ExitCodes declared = type.getAnnotation(ExitCodes.class);
            if (declared != null) {
                Arrays.stream(declared.value()).forEach(codes::add);
            }
        }
        spec.mixins().values().forEach(m -> addCodes(codes, m));
    }

    /** A mixin's details after those of the mixins inside it: the general (the connection) before the particular. */
    private static void addMixin(Map<String, Set<String>> details, CommandSpec mixin, ResourceBundle text) {
        mixin.mixins().values().forEach(inner -> addMixin(details, inner, text));
        String prefix = mixin.userObject().getClass().getSimpleName() + ".exit.";
        for (ExitCode.Meaning m : ExitCode.Meaning.ALL) {
            if (text.containsKey(prefix + m.code())) {
                details.computeIfAbsent(Integer.toString(m.code()), k -> new LinkedHashSet<>())
                        .add(resolve(text, prefix + m.code()));
            }
        }
    }

    private static String resolve(ResourceBundle text, String key) {
        return REFERENCE.matcher(text.getString(key)).replaceAll(r -> Matcher.quoteReplacement(resolve(text, r.group(1))));
    }

    private static Map<String, String> all() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode.Meaning m : ExitCode.Meaning.ALL) {
            list.put(Integer.toString(m.code()), m.label() + ": " + m.summary());
        }
        return list;
    }

    /** The text of {@code scimctl help exit-codes}. */
    static String topic() {
        StringBuilder b = new StringBuilder("Exit codes (the same meaning for every scimctl command; each command's "
                + "--help\nlists the ones it can return)\n\n");
        for (ExitCode.Meaning m : ExitCode.Meaning.ALL) {
            String head = String.format("  %-4s %-12s ", m.code(), m.label());
            b.append(wrap(head, m.description()));
        }
        return b.toString();
    }

    private static String wrap(String head, String text) {
        StringBuilder b = new StringBuilder(head);
        int column = head.length();
        String indent = " ".repeat(head.length());
        for (String word : text.split(" ")) {
            if (column > head.length() && column + 1 + word.length() > WIDTH) {
                b.append('\n').append(indent);
                column = indent.length();
            } else if (column > head.length()) {
                b.append(' ');
                column++;
            }
            b.append(word);
            column += word.length();
        }
        return b.append('\n').toString();
    }
}
