package dev.scimctl.testing;

import dev.scimctl.ScimCtl;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.Terminals;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs scimctl in-process, through {@link ScimCtl#run} and the real command tree, with its own streams, environment
 * and terminal flags: {@code CliRunner.cli().stdin("...").run("validate", "-")}.
 */
public final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];
    private Terminals terminals = Terminals.NONE;
    private Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    public static CliRunner cli() {
        return new CliRunner();
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRunner stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    public CliRunner stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    public CliRunner terminals(Terminals t) {
        this.terminals = t;
        return this;
    }

    public CliRunner clock(Clock c) {
        this.clock = c;
        return this;
    }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin), env, terminals, clock);
        int code = ScimCtl.run(context, args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
