package dev.scimctl.cli.config;

import dev.scimctl.cli.ExitCodes;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.Profile;
import dev.scimctl.config.StoredToken;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.RecordWriters;
import dev.scimctl.scim.Secret;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl config list}: the profiles, the current one marked, tokens shown by their last four characters. */
@Command(name = "list", aliases = "ls")
@ExitCodes(ExitCode.INPUT)
final class ConfigListCommand implements Callable<Integer> {
    private final CommandContext context;

    ConfigListCommand(CommandContext context) {
        this.context = context;
    }

    /** A profile as a row: its name, settings and stored token (shown by its last four characters only). */
    record Row(boolean current, String name, Profile profile, StoredToken token) {
        String lastFour() {
            return token == null || token.token() == null || token.token().isBlank() ? "none"
                    : new Secret(token.token()).lastFour();
        }

        String tokenSet() {
            return token == null || token.setAt() == null ? "" : token.setAt().substring(0, Math.min(10,
                    token.setAt().length()));
        }
    }

    static final FieldSet<Row> FIELDS = new FieldSet<Row>()
            .add("current", "* for the current profile", true, r -> r.current() ? "*" : "")
            .add("name", "the profile's name", true, Row::name)
            .add("url", "the SCIM base URL", true, r -> r.profile().url())
            .add("token", "the token's last four characters, or none", true, Row::lastFour)
            .add("tokenSet", "the day the token was stored", true, Row::tokenSet);

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ConfigStore store = context.configStore();
        String current = store.currentProfile().orElse(null);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Profile> e : store.profiles().entrySet()) {
            rows.add(new Row(e.getKey().equals(current), e.getKey(), e.getValue(), store.token(e.getKey()).orElse(null)));
        }
        OutputFormat format = output.format(context);
        if (rows.isEmpty() && (format == OutputFormat.table || format == OutputFormat.tsv)) {
            context.err().println("no profiles yet; create one with 'scimctl config set-profile NAME --url URL'");
            return ExitCode.OK;
        }
        // json and ndjson: current is a boolean there, as scripts test it.
        try (RecordWriter<Row> w = output.open(context, FIELDS, r -> {
            ObjectNode o = RecordWriters.flatObject(FIELDS.defaults(), r);
            o.put("current", r.current());
            return o;
        })) {
            rows.forEach(w::write);
        }
        return ExitCode.OK;
    }
}
