package dev.scimctl.cli;

import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.FormatOption;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How --help reads: the command's own options first, in the order they are declared (the important ones first),
 * then the connection, output and global options in groups of their own; {@code -o FORMAT} rather than picocli's
 * {@code -o=FORMAT}; and example lines printed as written, never wrapped in the middle of a command or a path.
 */
final class HelpLayout {
    private HelpLayout() {
    }

    /** Applies the layout to {@code cl} and every command below it. */
    static void apply(CommandLine cl) {
        Set<CommandLine> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        applyOnce(cl, seen);
    }

    private static void applyOnce(CommandLine cl, Set<CommandLine> seen) {
        if (!seen.add(cl)) {
            return;
        }
        cl.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
        cl.setHelpFactory(HelpLayout::help);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionList);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(help.commandSpec()
                .commandLine()).stream().map(line -> line + System.lineSeparator()).collect(Collectors.joining()));
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyOnce(sub, seen);
        }
    }

    /**
     * picocli asks for a Help whenever it prints usage (--help, 'scimctl help', usage after an error): the help text is
     * attached to the tree then, so that a run that prints none never reads it.
     */
    private static Help help(CommandSpec spec, Help.ColorScheme scheme) {
        HelpText.attach(spec.root().commandLine());
        return new SpacedLabelHelp(spec, scheme);
    }

    /** The options in the order --help lists them: own, output, connection, global. */
    private static List<List<OptionSpec>> groups(CommandSpec spec) {
        Set<OptionSpec> connection = mixinOptions(spec, ConnectionOptions.class);
        Set<OptionSpec> output = mixinOptions(spec, FormatOption.class);
        List<OptionSpec> own = new ArrayList<>();
        List<OptionSpec> connectionList = new ArrayList<>();
        List<OptionSpec> outputList = new ArrayList<>();
        List<OptionSpec> global = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            if (isGlobal(spec, o)) {
                global.add(o);
            } else if (connection.contains(o)) {
                connectionList.add(o);
            } else if (output.contains(o)) {
                outputList.add(o);
            } else {
                own.add(o);
            }
        }
        return List.of(own, outputList, connectionList, global);
    }

    private static String optionList(Help help) {
        List<List<OptionSpec>> groups = groups(help.commandSpec());
        return group(help, null, groups.get(0)) + group(help, "Output options:", groups.get(1))
                + group(help, "Connection options:", groups.get(2)) + group(help, "Global options:", groups.get(3));
    }

    /** --debug, --color, --help and --version: the root's, inherited by every command. */
    private static boolean isGlobal(CommandSpec spec, OptionSpec o) {
        return o.inherited() || o.usageHelp() || o.versionHelp() || spec.parent() == null;
    }

    private static String group(Help help, String heading, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (heading != null) {
            b.append(System.lineSeparator()).append(heading).append(System.lineSeparator());
        }
        Help.ColorScheme scheme = help.colorScheme();
        for (OptionSpec o : options) {
            String shortName = o.shortestName().length() == 2 && o.names().length > 1 ? o.shortestName() : null;
            String longName = o.longestName();
            String label = label(o);
            String plain = "  " + (shortName != null ? shortName + ", " : "    ") + longName + label;
            String styled = "  " + (shortName != null ? scheme.optionText(shortName) + ", " : "    ")
                    + scheme.optionText(longName) + (label.isEmpty() ? "" : scheme.optionParamText(label));
            String description = String.join(" ", o.description());
            description = description.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))
                    .replace("${COMPLETION-CANDIDATES}", candidates(o));
            List<String> lines = wrap(description, width(help) - DESCRIPTION_COLUMN);
            if (plain.length() + 2 > DESCRIPTION_COLUMN) {
                b.append(styled).append(System.lineSeparator());
            } else if (!lines.isEmpty()) {
                b.append(styled).append(" ".repeat(DESCRIPTION_COLUMN - plain.length()))
                        .append(lines.remove(0)).append(System.lineSeparator());
            } else {
                b.append(styled).append(System.lineSeparator());
            }
            for (String line : lines) {
                b.append(" ".repeat(DESCRIPTION_COLUMN)).append(line).append(System.lineSeparator());
            }
        }
        return b.toString();
    }

    private static int width(Help help) {
        return Math.max(60, help.commandSpec().usageMessage().width());
    }

    /** " FORMAT", " FIELD[,FIELD...]", or "" for a flag. */
    private static String label(OptionSpec o) {
        if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
            return "";
        }
        String split = o.splitRegexSynopsisLabel().isEmpty() ? o.splitRegex() : o.splitRegexSynopsisLabel();
        return " " + o.paramLabel() + (split.isEmpty() ? "" : "[" + split + o.paramLabel() + "...]");
    }

    /** The synopsis, wrapped between options, never inside one: "[--fields FIELD[,FIELD...]]" stays whole. */
    private static String synopsis(Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> items = new ArrayList<>();
        List<List<OptionSpec>> groups = groups(spec);
        List<OptionSpec> ordered = new ArrayList<>(groups.get(0));
        ordered.addAll(groups.get(1));
        ordered.addAll(groups.get(2));
        for (OptionSpec o : ordered) {
            String item = o.shortestName().length() == 2 ? o.shortestName() : o.longestName();
            item += label(o);
            items.add(o.required() ? item : "[" + item + "]" + (o.isMultiValue() && o.splitRegex().isEmpty() ? "..." : ""));
        }
        for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String item = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            items.add(p.arity().min() == 0 ? "[" + item + "]" : item);
        }
        if (!spec.subcommands().isEmpty()) {
            items.add("COMMAND");
        }
        items.add("[GLOBAL OPTIONS]");
        String head = spec.qualifiedName();
        int indent = "Usage: ".length() + head.length();
        StringBuilder b = new StringBuilder(head);
        int column = indent;
        for (String item : items) {
            if (column + 1 + item.length() > width(help) && column > indent) {
                b.append(System.lineSeparator()).append(" ".repeat(indent));
                column = indent;
            }
            b.append(' ').append(item);
            column += 1 + item.length();
        }
        return b.append(System.lineSeparator()).toString();
    }
    private static final int DESCRIPTION_COLUMN = 29;

    /** Lines of a command list are shorter than this, as gh and kubectl keep theirs. */
    static final int COMMAND_LIST_WIDTH = 80;

    /**
     * "  list, ls   List the users …": each subcommand (with its aliases) and its summary, one line each, under
     * {@link #COMMAND_LIST_WIDTH} columns. The summary is the first line of the description; a command whose first line
     * is longer shows its first sentence or clause.
     */
    static List<String> commandList(CommandLine cl) {
        HelpText.attach(cl.getCommandSpec().root().commandLine()); // the summaries are help text
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) {
                names.put(e.getKey(), String.join(", ", e.getValue().getCommandSpec().names()));
            }
        }
        int width = names.values().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String head = "  " + e.getValue() + " ".repeat(width - e.getValue().length()) + "  ";
            CommandSpec sub = cl.getSubcommands().get(e.getKey()).getCommandSpec();
            lines.add((head + summary(sub, COMMAND_LIST_WIDTH - 1 - head.length())).stripTrailing());
        }
        return lines;
    }

    /** The first line of the description, shortened to its first sentence or clause if it is longer than {@code max}. */
    static String summary(CommandSpec spec, int max) {
        String[] description = spec.usageMessage().description();
        String first = description.length == 0 ? "" : description[0];
        int end = first.indexOf(". ");
        first = end < 0 || first.length() <= max ? first : first.substring(0, end + 1);
        if (first.length() <= max) {
            return first;
        }
        // Long first sentences read well up to a clause: the longest that fits, never cut inside parentheses.
        int cut = -1;
        int depth = 0;
        for (int i = 0; i < first.length() && i <= max; i++) {
            char c = first.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i >= 20 && (first.startsWith(": ", i) || first.startsWith("; ", i)
                    || first.startsWith(", ", i) || first.startsWith(" (", i))) {
                cut = i;
            }
        }
        if (cut > 0) {
            return first.substring(0, cut);
        }
        int space = first.lastIndexOf(' ', max - 2);
        return first.substring(0, space > 20 ? space : max - 2) + " …";
    }

    private static String candidates(OptionSpec o) {
        List<String> names = new ArrayList<>();
        if (o.completionCandidates() != null) {
            o.completionCandidates().forEach(names::add);
        }
        return String.join(", ", names);
    }

    /** Wraps on spaces only, so that e.g. a path, a URL or meta.created is never cut in two. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Set<OptionSpec> mixinOptions(CommandSpec spec, Class<?> type) {
        Set<OptionSpec> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        addMixinOptions(spec, spec, type, out);
        return out;
    }

    /** Also a mixin's own mixins (EditOptions holds ConnectionOptions and OutputOptions). */
    private static void addMixinOptions(CommandSpec command, CommandSpec holder, Class<?> type, Set<OptionSpec> out) {
        for (CommandSpec mixin : holder.mixins().values()) {
            if (type.isInstance(mixin.userObject())) {
                for (OptionSpec o : mixin.options()) {
                    // The command holds its own copies of a mixin's options; match them by their names.
                    command.options().stream().filter(mine -> mine.longestName().equals(o.longestName()))
                            .forEach(out::add);
                }
            }
            addMixinOptions(command, mixin, type, out);
        }
    }

    /** The examples as written: a command line or a path broken over two lines cannot be copied. */
    private static String footer(Help help) {
        String[] lines = help.commandSpec().usageMessage().footer();
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(help.colorScheme().text(String.format(line)).toString()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** picocli's Help, with option values shown after a space ({@code -o FORMAT}), as people type them. */
    private static final class SpacedLabelHelp extends Help {
        SpacedLabelHelp(CommandSpec spec, ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            return createDefaultParamLabelRenderer();
        }

        @Override
        public IParamLabelRenderer createDefaultParamLabelRenderer() {
            IParamLabelRenderer picocli = super.createDefaultParamLabelRenderer();
            return new IParamLabelRenderer() {
                @Override
                public Ansi.Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                    Ansi.Text text = picocli.renderParameterLabel(arg, ansi, styles);
                    String plain = text.plainString();
                    if (arg.isOption() && plain.startsWith("=")) {
                        return ansi.text(" ").concat(text.substring(1));
                    }
                    return text;
                }

                @Override
                public String separator() {
                    return " ";
                }
            };
        }
    }
}
