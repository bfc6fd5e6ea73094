package dev.scimctl.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command tree as a shell completion script needs it, read from picocli's model: for each command path, its
 * subcommands, its options and its positional parameters, each with the kind of value it takes. The shell scripts
 * are rendered from this, so a new command or option is completed without touching them.
 */
public record CompletionModel(String command, List<Node> nodes) {
    /** What a value is, and so how a shell completes it. */
    public enum Kind {
        /** No value: a flag. */
        NONE,
        /** A file name. */
        FILE,
        /** A saved profile's name, listed at completion time. */
        PROFILE,
        /** One of a fixed list (enum constants, {@code completionCandidates}). */
        CHOICE,
        /** Free text: nothing to offer. */
        TEXT
    }

    public record Value(Kind kind, List<String> choices) {
        static final Value NONE = new Value(Kind.NONE, List.of());
        static final Value TEXT = new Value(Kind.TEXT, List.of());
    }

    public record Option(List<String> names, Value value, String description, boolean hidden) {
    }

    /** A positional parameter at indexes {@code from..to} (to = Integer.MAX_VALUE when it repeats). */
    public record Positional(int from, int to, Value value) {
    }

    public record Subcommand(String name, String description) {
    }

    /** One command: {@code path} is its subcommand names after the root, space-separated ("" for the root). */
    public record Node(String path, List<Subcommand> subcommands, List<Option> options, List<Positional> positionals) {
    }

    // Options named like "--org-ids FILE" or "--data PATH" take a file even when their Java type is a String.
    private static final Pattern FILE_LABEL = Pattern.compile("(^|[^A-Z])(FILE|DIR|DIRECTORY|PATH)S?($|[^A-Z])");

    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z$'\"])");

    /** Reads the model from a command tree built in full ({@code RootCommand.commandLine(context)}). */
    public static CompletionModel of(CommandLine root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, "", nodes);
        return new CompletionModel(root.getCommandName(), List.copyOf(nodes));
    }

    private static void collect(CommandLine cl, String path, List<Node> nodes) {
        CommandSpec spec = cl.getCommandSpec();
        List<Subcommand> subs = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            // An alias ('ls') is a key of its own: offered, and completed after, as its command is.
            String description = firstLine(sub.usageMessage().description());
            subs.add(new Subcommand(e.getKey(), e.getKey().equals(sub.name()) ? description
                    : "same as " + sub.name() + ": " + description));
        }
        List<Option> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            options.add(new Option(List.of(o.names()), value(o), firstLine(o.description()), o.hidden()));
        }
        List<Positional> positionals = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            CommandLine.Range index = p.index();
            int to = index.isUnresolved() || index.max() == Integer.MAX_VALUE || p.arity().max() > 1
                    ? Integer.MAX_VALUE : index.max();
            positionals.add(new Positional(index.min(), to, value(p)));
        }
        nodes.add(new Node(path, List.copyOf(subs), List.copyOf(options), List.copyOf(positionals)));
        for (Subcommand sub : subs) {
            collect(cl.getSubcommands().get(sub.name()), path.isEmpty() ? sub.name() : path + " " + sub.name(), nodes);
        }
    }

    /** The kind of value an option or parameter takes: see {@link Kind}. */
    static Value value(ArgSpec arg) {
        if (arg.arity().max() == 0) {
            return Value.NONE;
        }
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates instanceof ProfileCandidates) {
            return new Value(Kind.PROFILE, List.of());
        }
        if (candidates != null) {
            List<String> choices = new ArrayList<>();
            candidates.forEach(choices::add);
            if (!choices.isEmpty()) {
                return new Value(Kind.CHOICE, List.copyOf(choices));
            }
        }
        Class<?> type = arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (File.class.isAssignableFrom(type) || Path.class.isAssignableFrom(type)
                || FILE_LABEL.matcher(arg.paramLabel().toUpperCase(Locale.ROOT)).find()) {
            return new Value(Kind.FILE, List.of());
        }
        return Value.TEXT;
    }

    private static String firstLine(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String text = description[0].replaceAll("\\$\\{[^}]*}", "").replaceAll("@\\|\\S+ ([^|]*)\\|@", "$1").strip();
        // The first sentence: a full stop before a capital ("e.g. 10s" goes on).
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start()) : text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
