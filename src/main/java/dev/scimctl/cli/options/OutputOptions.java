package dev.scimctl.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.Column;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.RecordWriters;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.function.Function;

/** The output options ({@link FormatOption}) and {@code --fields}: how a command that prints records prints them. */
public class OutputOptions extends FormatOption {
    @Option(names = "--fields", paramLabel = "FIELD", split = ",")
    List<String> fields;

    public boolean fieldsChosen() {
        return fields != null && !fields.isEmpty();
    }

    /** The chosen fields, else the defaults; a wrong name is a usage error that lists the valid ones. */
    public <T> List<Column<T>> fields(FieldSet<T> available) {
        return fieldsChosen() ? available.select(fields) : available.defaults();
    }

    /**
     * A writer on stdout in the chosen format.
     *
     * @param document for json and ndjson without --fields, the whole document of a record; null for an object of
     *                 the fields
     */
    public <T> RecordWriter<T> open(CommandContext context, FieldSet<T> available, Function<T, JsonNode> document) {
        List<Column<T>> chosen = fields(available);
        return RecordWriters.open(format(context), layout(context), context.out(), context.ansi(true), chosen,
                fieldsChosen() ? null : document);
    }
}
