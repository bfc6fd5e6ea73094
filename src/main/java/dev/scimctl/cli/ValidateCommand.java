package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.CsvInputOptions;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.csv.CsvInputException;
import dev.scimctl.csv.Delimiters;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Summary;
import dev.scimctl.csv.ValidationOptions;
import dev.scimctl.csv.Validator;
import dev.scimctl.output.CsvFindingWriter;
import dev.scimctl.output.FindingWriter;
import dev.scimctl.output.JsonFindingWriter;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.Styles;
import dev.scimctl.output.SummaryText;
import dev.scimctl.output.TextFindingWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scimctl validate FILE}: pre-flight checks of a Duo user CSV, row by row, before anything is provisioned. */
@Command(name = "validate")
@ExitCodes(ExitCode.PROBLEMS)
@Formats(value = {OutputFormat.text, OutputFormat.tsv, OutputFormat.csv, OutputFormat.json, OutputFormat.ndjson},
        terminal = OutputFormat.text, pipe = OutputFormat.text,
        note = "text is grouped by line; tsv and csv are one finding a row (line, column, header, severity, rule, "
                + "value, message, fix), to open beside the input; json is one document with a summary; ndjson one "
                + "finding a line. Machine formats go to stdout and the summary to stderr.")
public final class ValidateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Mixin
    CsvInputOptions input;

    @Option(names = "--strict")
    boolean strict;

    @Mixin
    FormatOption output;

    ValidateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DuoCsvReader.Options options = input.readerOptions();
        boolean stdin = file.equals("-");
        ValidationOptions validation = input.validationOptions(context.in(), stdin);
        OutputFormat format = output.format(context);
        FindingWriter writer = switch (format) {
            case json -> new JsonFindingWriter(context.out(), false);
            case ndjson -> new JsonFindingWriter(context.out(), true);
            case csv -> CsvFindingWriter.csv(context.out(), output.layout(context));
            case tsv -> CsvFindingWriter.tsv(context.out());
            default -> new TextFindingWriter(context.out(), context.ansi(true));
        };
        Summary summary;
        try (DuoCsvReader reader = stdin ? DuoCsvReader.open(context.in(), "stdin", options, false)
                : DuoCsvReader.open(Path.of(file), options)) {
            if (context.debug()) {
                context.err().println("debug: " + reader.name() + ": " + reader.encodingDescription() + ", "
                        + Delimiters.name(reader.delimiter()) + "-separated"
                        + (reader.delimiterDetected() ? " (detected)" : "") + ", columns " + reader.columns().describe());
            }
            writer.begin(reader.name(), reader.encodingDescription(), reader.delimiter());
            try {
                summary = Validator.validate(reader, validation, writer::finding);
            } catch (CsvInputException e) {
                writer.abort(e.getMessage());
                throw e;
            } catch (OutOfMemoryError e) {
                // Validation streams; only the duplicate table grows, and it stops growing rather than fail. This is
                // the last guard, so that a person gets advice instead of a stack trace.
                String message = reader.name() + ":" + reader.linesRead() + ": out of memory: give validate more "
                        + "with SCIMCTL_OPTS=-Xmx512m";
                writer.abort(message);
                context.err().println(Styles.error(context.ansi(false)) + message);
                return ExitCode.PROBLEMS;
            }
        }
        writer.end(summary, strict);
        context.out().flush();
        if (format != OutputFormat.text) {
            context.err().println(SummaryText.rows(summary));
            context.err().println(SummaryText.verdict(summary, strict));
        }
        return summary.ok(strict) ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
