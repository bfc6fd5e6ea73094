package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.Column;
import dev.scimctl.output.JsonFlattener;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.RecordWriters;
import dev.scimctl.output.TablePrinter;

import java.util.List;

/**
 * One user on stdout in the {@code -o} vocabulary of {@code users get}: attribute/value lines (a table on a terminal,
 * TSV piped), the user as the server sent it (json, ndjson), or one CSV row. {@code users get} and the commands that
 * create or change a user print it this way.
 */
final class UserView {
    private final CommandContext context;
    private final OutputOptions output;
    private final List<Column<JsonNode>> fields;

    /** Checks --fields now, so that a wrong one fails before any request. */
    UserView(ServerOptions server) {
        this.context = server.context();
        this.output = server.output;
        this.fields = output.fields(UserFields.FIELDS);
    }

    void print(JsonNode user) {
        OutputFormat format = output.format(context);
        switch (format) {
            case json, ndjson -> {
                JsonNode doc = output.fieldsChosen() ? RecordWriters.flatObject(fields, user) : user;
                if (format == OutputFormat.json) {
                    JsonOutput.pretty(context.out(), doc);
                } else {
                    JsonOutput.compact(context.out(), doc);
                }
            }
            case csv -> {
                try (RecordWriter<JsonNode> w = RecordWriters.open(format, output.layout(context), context.out(),
                        context.ansi(true), fields, null)) {
                    w.write(user);
                }
            }
            case table, tsv -> printAttributes(user, format == OutputFormat.table);
        }
    }

    /** Attribute/value lines: every attribute, or the chosen fields. */
    private void printAttributes(JsonNode user, boolean table) {
        TablePrinter lines = new TablePrinter(List.of("attribute", "value")).headers(output.layout(context).headers());
        if (output.fieldsChosen()) {
            for (Column<JsonNode> f : fields) {
                lines.row(f.name(), f.text(user));
            }
        } else {
            for (JsonFlattener.Entry e : JsonFlattener.flatten(user)) {
                lines.row(e.path(), e.value());
            }
        }
        lines.print(context.out(), table, context.ansi(true));
    }
}
