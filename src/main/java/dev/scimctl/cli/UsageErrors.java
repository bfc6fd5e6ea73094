package dev.scimctl.cli;

import dev.scimctl.text.EditDistance;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line mistakes in scimctl's words rather than picocli's: the word that was not understood, the closest
 * command or option, and for a command that needs a subcommand, the list of them ({@code gh} and {@code kubectl} do
 * the same).
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /** The lines to print for a parse error: the first is the error, the rest help to fix it. */
    static List<String> describe(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String command = cl.getCommandSpec().qualifiedName();
        List<String> lines = new ArrayList<>();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            if (word.startsWith("-") && word.length() > 1) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                Optional<String> closest = closest(name, optionNames(cl.getCommandSpec()));
                lines.add("unknown option '" + name + "' for '" + command + "'"
                        + closest.map(c -> "; did you mean '" + c + "'?").orElse(""));
            } else if (!cl.getSubcommands().isEmpty()) {
                Optional<String> closest = closest(word, cl.getSubcommands().keySet());
                lines.add("unknown command '" + word + "' for '" + command + "'"
                        + closest.map(c -> "; did you mean '" + command + " " + c + "'?").orElse(""));
                if (closest.isEmpty()) {
                    lines.addAll(subcommandList(cl));
                }
            } else {
                lines.add("unexpected argument '" + word + "' for '" + command + "'");
            }
        } else if (isMissingSubcommand(ex)) {
            lines.add("'" + command + "' needs a command:");
            lines.addAll(subcommandList(cl));
        } else {
            lines.add(ex.getMessage());
        }
        lines.add("Run '" + command + " --help' for more.");
        return lines;
    }

    static boolean isMissingSubcommand(CommandLine.ParameterException ex) {
        String text = ex.getMessage() == null ? "" : ex.getMessage();
        return !ex.getCommandLine().getSubcommands().isEmpty() && text.startsWith("Missing required subcommand");
    }

    /** "  list, ls   List the users …": each subcommand on one line. */
    static List<String> subcommandList(CommandLine cl) {
        return HelpLayout.commandList(cl);
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            names.addAll(List.of(option.names()));
        }
        return names;
    }

    /** The closest candidate, if it is close enough to be what was meant. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = EditDistance.between(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (c.startsWith(word) && word.length() >= 2 && !word.equals("--")) {
                d = Math.min(d, 1); // a prefix: "us" for "users"
            }
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
