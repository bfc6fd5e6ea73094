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

    /** Tells every {@code -o} option of the tree its command, on every run: the refusal of a format needs it. */
    static void own(CommandLine cl) {
        each(cl, (spec, mine) -> mine.forEach(o -> o.ownedBy(spec)));
    }

    /**
     * Rewrites the {@code -o} options' help (description, completion, hidden companions): only where help is printed
     * or read ({@link HelpText#attach}), as replacing options costs a run that prints none a few milliseconds.
     */
    static void describe(CommandLine cl) {
        each(cl, (spec, mine) -> rewrite(spec, FormatOption.accepted(spec)));
    }

    private static void each(CommandLine cl, java.util.function.BiConsumer<CommandSpec, List<FormatOption>> action) {
        CommandSpec spec = cl.getCommandSpec();
        List<FormatOption> mine = new ArrayList<>();
        collect(spec, mine);
        if (!mine.isEmpty()) {
            action.accept(spec, mine);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) { // an alias is the same CommandLine again
                each(sub, action);
            }
        }
    }

    /** The FormatOption mixins of {@code spec}, also those inside another mixin. */
    private static void collect(CommandSpec spec, List<FormatOption> out) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof FormatOption o) {
                out.add(o);
            }
            collect(mixin, out);
        }
    }

    /** The shared output options in the order --help lists them (reflection gives methods in no fixed order). */
    private static final List<String> ORDER = List.of("--output", "--no-headers", "--bom", "--csv-dialect", "--fields");

    /** Replaces the options in place: picocli has no setter for a description, and --help keeps their order. */
    private static void rewrite(CommandSpec spec, FormatOption.Accepted accepted) {
        // Inherited options (--debug, --color, --help) stay: the root owns them, and HelpLayout lists them apart.
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.inherited()).toList();
        List<OptionSpec> replaced = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (OptionSpec o : options) {
            OptionSpec r = switch (o.longestName()) {
                case "--output" -> OptionSpec.builder(o).description(FormatOption.describe(accepted))
                        .completionCandidates(accepted.formats().stream().map(Enum::name).toList()).build();
                case "--no-headers" -> OptionSpec.builder(o).hidden(!accepted.rows()).build();
                case "--bom", "--csv-dialect" -> OptionSpec.builder(o).hidden(!accepted.csv()).build();
                default -> o;
            };
            if (ORDER.contains(o.longestName())) {
                slots.add(replaced.size());
            }
            replaced.add(r);
        }
        List<OptionSpec> shared = slots.stream().map(replaced::get)
                .sorted(java.util.Comparator.comparingInt(o -> ORDER.indexOf(o.longestName()))).toList();
        for (int i = 0; i < slots.size(); i++) {
            replaced.set(slots.get(i), shared.get(i));
        }
        options.forEach(spec::remove);
        replaced.forEach(spec::addOption);
    }
}
