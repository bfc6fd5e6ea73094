package dev.scimctl.cli.completion;

import dev.scimctl.cli.completion.CompletionModel.Kind;
import dev.scimctl.cli.completion.CompletionModel.Node;
import dev.scimctl.cli.completion.CompletionModel.Option;
import dev.scimctl.cli.completion.CompletionModel.Positional;
import dev.scimctl.cli.completion.CompletionModel.Subcommand;
import dev.scimctl.cli.completion.CompletionModel.Value;

import java.util.stream.Collectors;

/**
 * A fish completion script: helper functions that find the command path typed so far
 * ({@code completion/scimctl.fish}), then one {@code complete} line per subcommand, option and argument,
 * with its description, generated here from the {@link CompletionModel}.
 */
public final class FishCompletion {
    private FishCompletion() {
    }

    public static String fish(CompletionModel model, String version) {
        String head = Templates.load("scimctl.fish").replace("@VERSION@", version).replace("@TABLES@", tables(model));
        return head + completions(model);
    }

    static String tables(CompletionModel model) {
        StringBuilder b = new StringBuilder();
        b.append("\n# The subcommands of a command path (\"\" is scimctl itself), one a line.\n");
        b.append("function __scimctl_subcommands\n    switch \"$argv[1]\"\n");
        for (Node n : model.nodes()) {
            if (!n.subcommands().isEmpty()) {
                b.append("        case ").append(quote(n.path())).append("\n            printf '%s\\n' ")
                        .append(n.subcommands().stream().map(s -> quote(s.name())).collect(Collectors.joining(" ")))
                        .append('\n');
            }
        }
        b.append("    end\nend\n");

        b.append("\n# Whether option $argv[2] of command path $argv[1] takes a value: prints none for a flag.\n");
        b.append("function __scimctl_option_value\n    switch \"$argv[1]|$argv[2]\"\n");
        for (Node n : model.nodes()) {
            for (Option o : n.options()) {
                if (o.value().kind() != Kind.NONE) {
                    b.append("        case ").append(o.names().stream().map(name -> quote(n.path() + "|" + name))
                            .collect(Collectors.joining(" "))).append("\n            echo value\n");
                }
            }
        }
        b.append("        case '*'\n            echo none\n    end\nend\n");
        return b.toString();
    }

    static String completions(CompletionModel model) {
        StringBuilder b = new StringBuilder();
        for (Node n : model.nodes()) {
            b.append("\n# ").append(n.path().isEmpty() ? model.command() : model.command() + " " + n.path()).append('\n');
            String at = quote("__scimctl_at " + quote(n.path()));
            for (Subcommand s : n.subcommands()) {
                b.append("complete -c scimctl -n ").append(quote("__scimctl_arg " + quote(n.path()) + " 0 0"))
                        .append(" -a ").append(quote(s.name())).append(describe(s.description())).append('\n');
            }
            for (Option o : n.options()) {
                if (o.hidden()) {
                    continue;
                }
                b.append("complete -c scimctl -n ").append(at);
                for (String name : o.names()) {
                    if (name.startsWith("--")) {
                        b.append(" -l ").append(quote(name.substring(2)));
                    } else if (name.length() == 2) {
                        b.append(" -s ").append(quote(name.substring(1)));
                    } else {
                        b.append(" -o ").append(quote(name.substring(1)));
                    }
                }
                b.append(valueFlags(o.value(), true)).append(describe(o.description())).append('\n');
            }
            for (Positional p : n.positionals()) {
                String flags = valueFlags(p.value(), false);
                if (flags.isEmpty()) {
                    continue;
                }
                int to = p.to() == Integer.MAX_VALUE ? 9999 : p.to();
                b.append("complete -c scimctl -n ")
                        .append(quote("__scimctl_arg " + quote(n.path()) + " " + p.from() + " " + to))
                        .append(flags).append('\n');
            }
        }
        return b.toString();
    }

    /** The flags that say what a value takes; for an option, -r/-x also say that it takes one. */
    private static String valueFlags(Value v, boolean option) {
        return switch (v.kind()) {
            case NONE -> "";
            case FILE -> option ? " -r -F" : " -F";
            case PROFILE -> (option ? " -x" : "") + " -a '(__scimctl_profiles)'";
            case CHOICE -> (option ? " -x" : "") + " -a " + quote(String.join(" ", v.choices()));
            case TEXT -> option ? " -x" : "";
        };
    }

    private static String describe(String description) {
        if (description.isEmpty()) {
            return "";
        }
        String d = description.length() > 80 ? description.substring(0, 79) + "…" : description;
        return " -d " + quote(d);
    }

    /** A single-quoted fish word: fish escapes \ and ' inside single quotes. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
