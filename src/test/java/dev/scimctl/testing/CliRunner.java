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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    private List<String> prefix = List.of();

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

    /** Talks to this test server: its base URL and token, as the environment gives them. */
    public CliRunner connectedTo(ScimServerExtension server) {
        return env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    /**
     * Puts these arguments before each run's own: a command's path ({@code "users", "list"}), global options, an
     * option every run of a test shares ({@code "--mapping", file}).
     */
    public CliRunner prefix(String... args) {
        this.prefix = List.of(args);
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

    public CliResult run(String... own) {
        String[] args = prefix.isEmpty() ? own
                : Stream.concat(prefix.stream(), Stream.of(own)).toArray(String[]::new);
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
