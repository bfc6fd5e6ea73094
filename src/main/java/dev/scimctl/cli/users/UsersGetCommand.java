package dev.scimctl.cli.users;

import dev.scimctl.cli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.NotFoundException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.output.Column;
import dev.scimctl.output.JsonFlattener;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.RecordWriters;
import dev.scimctl.output.TablePrinter;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl users get USER}: one user, every attribute, the NinjaOne extension included. */
@Command(name = "get",
        description = {"Show one user, by id or userName, with every attribute the server holds, NinjaOne's "
                + "extension included.",
                "An id is tried first only when USER looks like one (a UUID, or no '@'); else USER is a userName."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl users get alice@example.com",
                "  scimctl users get 2819c223-7f76-453a-919d-413861904646 -o json | jq .active",
                "  scimctl users get alice@example.com -o csv     # one row, the columns 'users list -o csv' writes",
                "",
                "On a terminal: one line per attribute (name.givenName, emails[0].value, urn:…:User:userType).",
                "Piped: the same as attribute<TAB>value lines. json: the user as the server sent it."})
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER},
        details = {"0:shown",
                "1:no user has this id or userName",
                "2:a wrong option or field, or no URL or token",
                "3:the token file cannot be read"})
public final class UsersGetCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "USER", description = "A user id or userName (the e-mail address).")
    String user;

    UsersGetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Column<JsonNode>> fields = output.fields(UserFields.FIELDS); // a wrong --fields fails before any request
        JsonNode found = new Users(context.client(connection)).find(user).orElse(null);
        if (found == null) {
            throw new NotFoundException("no user with the id or userName '" + user + "' on "
                    + context.client(connection).baseUrl() + "; look for near misses with "
                    + "'scimctl users list | grep -i PART'");
        }
        OutputFormat format = output.format(context);
        switch (format) {
            case json, ndjson -> {
                JsonNode doc = output.fieldsChosen() ? RecordWriters.flatObject(fields, found) : found;
                if (format == OutputFormat.json) {
                    JsonOutput.pretty(context.out(), doc);
                } else {
                    JsonOutput.compact(context.out(), doc);
                }
            }
            case csv -> {
                try (RecordWriter<JsonNode> w = RecordWriters.open(format, context.out(), context.ansi(true), fields, null)) {
                    w.write(found);
                }
            }
            case table, tsv -> printAttributes(found, fields, format == OutputFormat.table);
        }
        return ExitCode.OK;
    }

    /** Attribute/value lines: every attribute, or the chosen fields. */
    private void printAttributes(JsonNode user, List<Column<JsonNode>> fields, boolean table) {
        TablePrinter lines = new TablePrinter(List.of("attribute", "value"));
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
