package dev.scimctl.cli;

import dev.scimctl.cli.options.FormatOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes each command's {@code -o} description and completion candidates from its {@link Formats}, so that its help,
 * its man page, its completion and the refusal of a format agree by construction; and hides {@code --no-headers},
 * {@code --bom} and {@code --csv-dialect} where the command writes no rows or no CSV.
 */
final class FormatHelp {
    private FormatHelp() {
    }

    static void apply(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof FormatOption)) {
            rewrite(spec, FormatOption.accepted(spec));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) { // an alias is the same CommandLine again
                apply(sub);
            }
        }
    }

    /** Replaces the options in place: picocli has no setter for a description, and --help keeps their order. */
    private static void rewrite(CommandSpec spec, FormatOption.Accepted accepted) {
        // Inherited options (--debug, --color, --help) stay: the root owns them, and HelpLayout lists them apart.
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.inherited()).toList();
        int from = -1;
        List<OptionSpec> replaced = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            OptionSpec o = options.get(i);
            OptionSpec r = switch (o.longestName()) {
                case "--output" -> OptionSpec.builder(o).description(FormatOption.describe(accepted))
                        .completionCandidates(accepted.formats().stream().map(Enum::name).toList()).build();
                case "--no-headers" -> OptionSpec.builder(o).hidden(!accepted.rows()).build();
                case "--bom", "--csv-dialect" -> OptionSpec.builder(o).hidden(!accepted.csv()).build();
                default -> o;
            };
            if (r != o && from < 0) {
                from = i;
            }
            replaced.add(r);
        }
        if (from < 0) {
            return;
        }
        for (int i = from; i < options.size(); i++) {
            spec.remove(options.get(i));
        }
        for (int i = from; i < options.size(); i++) {
            spec.addOption(replaced.get(i));
        }
    }
}
