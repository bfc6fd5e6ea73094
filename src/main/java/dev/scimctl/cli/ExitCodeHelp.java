package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes every command's "Exit codes" list from its {@link ExitCodes} and {@link ExitCode.Meaning}, so that the help,
 * the man pages (generated from the same model) and {@code scimctl help exit-codes} agree by construction.
 */
final class ExitCodeHelp {
    private static final int WIDTH = 80;

    private ExitCodeHelp() {
    }

    /** Sets the exit-code lists of the tree: the root lists every code, a leaf those it declares. */
    static void apply(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes (each command's --help lists its own):%n")
                .exitCodeList(all());
        for (CommandLine sub : root.getSubcommands().values()) {
            applyBelow(sub);
        }
    }

    private static void applyBelow(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        if (spec.userObject().getClass().isAnnotationPresent(ExitCodes.class)) {
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list(spec));
        } else {
            // A group prints no list of its own (picocli would inherit the root's).
            spec.usageMessage().exitCodeListHeading("").exitCodeList(Map.of());
        }
        for (CommandLine sub : c.getSubcommands().values()) {
            if (sub.getParent() == c) { // an alias is the same CommandLine again
                applyBelow(sub);
            }
        }
    }

    /**
     * A command's list: each code's label, then what it means here: the command's own details, else its mixins',
     * else the shared summary.
     */
    static Map<String, String> list(CommandSpec command) {
        ExitCodes declared = command.userObject().getClass().getAnnotation(ExitCodes.class);
        Map<String, Set<String>> own = new LinkedHashMap<>();
        add(own, declared);
        Map<String, Set<String>> mixed = new LinkedHashMap<>();
        command.mixins().values().forEach(m -> addMixin(mixed, m));
        Map<String, String> list = new LinkedHashMap<>();
        for (int code : declared.value()) {
            ExitCode.Meaning m = ExitCode.Meaning.of(code);
            String key = Integer.toString(code);
            Set<String> texts = own.getOrDefault(key, mixed.get(key));
            list.put(key, m.label() + ": " + (texts == null ? m.summary() : String.join("; ", texts)));
        }
        return list;
    }

    /** A mixin's details after those of the mixins inside it: the general (the connection) before the particular. */
    private static void addMixin(Map<String, Set<String>> details, CommandSpec mixin) {
        mixin.mixins().values().forEach(inner -> addMixin(details, inner));
        add(details, mixin.userObject().getClass().getAnnotation(ExitCodes.class));
    }

    private static void add(Map<String, Set<String>> details, ExitCodes declared) {
        if (declared == null) {
            return;
        }
        for (String d : declared.details()) {
            int colon = d.indexOf(':');
            details.computeIfAbsent(d.substring(0, colon).trim(), k -> new LinkedHashSet<>())
                    .add(d.substring(colon + 1).trim());
        }
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
