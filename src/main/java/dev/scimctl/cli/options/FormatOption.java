package dev.scimctl.cli.options;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Formats;
import dev.scimctl.cli.table.CommandTable;
import dev.scimctl.csv.CsvDialect;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordLayout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;

/**
 * {@code -o/--output}, {@code --no-headers}, {@code --bom} and {@code --csv-dialect}: the one output vocabulary, shared
 * by every command that prints data. The formats a command takes are its {@link Formats}; any other word is refused
 * with that list. The descriptions here are rewritten per command ({@code FormatHelp}).
 */
public class FormatOption {
    /** Which CSV layout {@code --csv-dialect} picks. */
    public enum Dialect { rfc4180, excel }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The command this option belongs to, when it sits in a mixin of a mixin (EditOptions); set by FormatHelp. */
    private CommandSpec owner;

    /** Ties the option to its command: a nested mixin's MIXEE is the outer mixin, which has no name nor formats. */
    public void ownedBy(CommandSpec command) {
        this.owner = command;
    }

    private CommandSpec command() {
        return owner != null ? owner : mixee;
    }

    private OutputFormat format;
    private boolean noHeaders;
    private boolean bom;
    private Dialect dialect;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT")
    void setFormat(String word) {
        CommandSpec command = command();
        Accepted accepted = accepted(command);
        OutputFormat asked = OutputFormat.named(word);
        if (asked == null || !accepted.formats().contains(asked)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--output: '" + command.qualifiedName()
                    + "' " + (asked == null ? "knows no format '" + word + "'" : "does not write " + asked)
                    + "; it takes " + accepted.names() + " (see 'scimctl help formats')");
        }
        format = asked;
    }

    @Option(names = "--no-headers")
    void setNoHeaders(boolean value) {
        noHeaders = value;
    }

    @Option(names = "--bom")
    void setBom(boolean value) {
        bom = value;
    }

    @Option(names = "--csv-dialect", paramLabel = "DIALECT")
    void setDialect(Dialect value) {
        dialect = value;
    }

    /** The format asked for, else the command's default for a terminal or a pipe. */
    public OutputFormat format(CommandContext context) {
        if (format != null) {
            return format;
        }
        Accepted accepted = accepted(command());
        return context.terminals().stdout() ? accepted.terminal() : accepted.pipe();
    }

    /** --no-headers, --bom and --csv-dialect, with the locale of the run's environment. */
    public RecordLayout layout(CommandContext context) {
        return new RecordLayout(!noHeaders, csvDialect(context, CsvDialect.RFC_4180));
    }

    /** The CSV dialect asked for with --csv-dialect and --bom, else {@code usual}: for a CSV file a command writes. */
    public CsvDialect csvDialect(CommandContext context, CsvDialect usual) {
        CsvDialect csv = dialect == Dialect.excel ? CsvDialect.excel(CsvDialect.numberLocale(context.env())) : usual;
        return bom ? csv.withBom() : csv;
    }

    /** What a command takes and its defaults: its {@link Formats}, else the record formats. */
    public record Accepted(List<OutputFormat> formats, OutputFormat terminal, OutputFormat pipe, String note,
                           boolean csvFiles) {
        /** "table, tsv, csv, json or ndjson". */
        public String names() {
            List<String> names = formats.stream().map(Enum::name).toList();
            return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.get(names.size() - 1);
        }

        /** Whether --no-headers, --bom or --csv-dialect can change anything. */
        public boolean rows() {
            return formats.contains(OutputFormat.table) || formats.contains(OutputFormat.csv);
        }

        /** Whether the command writes CSV, on stdout or to a file: --bom and --csv-dialect apply. */
        public boolean csv() {
            return csvFiles || formats.contains(OutputFormat.csv);
        }
    }

    public static Accepted accepted(CommandSpec command) {
        Object user = command.userObject();
        Formats declared = user == null ? null : CommandTable.formats(user.getClass());
        if (declared == null) {
            return new Accepted(List.of(Formats.RECORDS), OutputFormat.table, OutputFormat.tsv, "", false);
        }
        return new Accepted(List.of(declared.value()), declared.terminal(), declared.pipe(), declared.note(),
                declared.csvFiles());
    }

    /** "table (default on a terminal), tsv (default in a pipe), csv, json or ndjson." for help. */
    public static String describe(Accepted accepted) {
        List<String> names = accepted.formats().stream().map(f -> {
            boolean terminal = f == accepted.terminal();
            boolean pipe = f == accepted.pipe();
            return f.name() + (terminal && pipe ? " (the default)" : terminal ? " (default on a terminal)"
                    : pipe ? " (default in a pipe)" : "");
        }).toList();
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return list + ". See 'scimctl help formats'." + (accepted.note().isEmpty() ? "" : " " + accepted.note());
    }
}
