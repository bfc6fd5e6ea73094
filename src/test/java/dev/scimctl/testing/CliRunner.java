package dev.scimctl.testing;

import dev.scimctl.ScimCtl;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.Terminals;
import dev.scimctl.scim.RetryPolicy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs scimctl in-process through the real root command, with its own streams, environment and config folder,
 * as a shell would but without a JVM start per call.
 */
public final class CliRunner {
    /** Retries as in production, but with millisecond waits, so that retry tests take no real seconds. */
    public static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(120));

    private final Map<String, String> env = new HashMap<>();
    private Terminals terminals = Terminals.NONE;
    private byte[] stdin = new byte[0];
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retry = FAST_RETRIES;
    private int screenRows;

    public CliRunner(Path configDir) {
        env.put("SCIMCTL_CONFIG_DIR", configDir.toString());
        env.put("HOME", configDir.toString());
    }

    public CliRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRunner terminals(Terminals t) {
        this.terminals = t;
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public CliRunner stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    public CliRunner clock(Clock c) {
        this.clock = c;
        return this;
    }

    public CliRunner retry(RetryPolicy policy) {
        this.retry = policy;
        return this;
    }

    /** The height of the pretended terminal; 0 (the default) is unknown, and a prompt then shows all it has. */
    public CliRunner screenRows(int rows) {
        this.screenRows = rows;
        return this;
    }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin);
        CommandContext context = new CommandContext(new PrintWriter(out), new PrintWriter(err), in, env, terminals, clock);
        context.setRetryPolicy(retry);
        int rows = screenRows;
        context.setScreenRows(() -> rows);
        int code = ScimCtl.run(context, args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
