package dev.scimctl.cli;

import dev.scimctl.Version;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.config.ByteSize;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.EnvVars;
import dev.scimctl.config.Settings;
import dev.scimctl.config.SettingsResolver;
import dev.scimctl.config.StateFolder;
import dev.scimctl.config.XdgFolder;
import dev.scimctl.console.Prompt;
import dev.scimctl.console.ScreenHeight;
import dev.scimctl.console.TerminalOpener;
import dev.scimctl.importer.Progress;
import dev.scimctl.io.AtomicFile;
import dev.scimctl.io.RunLock;
import dev.scimctl.output.ColorMode;
import dev.scimctl.output.ProgressBar;
import dev.scimctl.output.Styles;
import dev.scimctl.output.TerminalSafeWriter;
import dev.scimctl.output.Terminals;
import dev.scimctl.scim.ClientListener;
import dev.scimctl.scim.Origin;
import dev.scimctl.scim.RetryPolicy;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimClientConfig;
import dev.scimctl.scim.Secret;
import dev.scimctl.scim.net.ProxySettings;
import dev.scimctl.text.SafeText;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What every command of one run shares: the streams, the environment, terminal facts, the global flags, and
 * the settings and SCIM client, built lazily on first use (a command that needs no server never resolves a token).
 */
public final class CommandContext implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Terminals terminals;
    private final Clock clock;
    private boolean debug;
    private ColorMode colorMode = ColorMode.auto;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Settings settings;
    private ScimClient client;
    private volatile ClientListener noticeListener;
    private TerminalOpener terminalOpener;
    private volatile ClientListener bodyTap;
    private IntSupplier screenRows;
    private boolean quiet;
    /** The locks this run took, for a Ctrl-C at the question to give back (see {@link #prompt}). */
    private final List<RunLock> locks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ProgressBar progressBar;

    public CommandContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
                          Terminals terminals, Clock clock) {
        this.env = Map.copyOf(env);
        this.terminals = terminals;
        // Every byte a command writes passes the guard against terminal controls (see TerminalSafeWriter).
        this.out = new PrintWriter(new TerminalSafeWriter(out, () -> ansi(true) == Ansi.ON));
        this.err = new PrintWriter(new TerminalSafeWriter(err, () -> ansi(false) == Ansi.ON), true);
        this.in = in;
        this.clock = clock;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public Map<String, String> env() {
        return env;
    }

    public Terminals terminals() {
        return terminals;
    }

    public Clock clock() {
        return clock;
    }

    public boolean debug() {
        return debug;
    }

    void setDebug(boolean debug) {
        this.debug = debug;
    }

    /** -q: no progress and no notes (see {@link dev.scimctl.cli.options.QuietOption}). */
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    public boolean quiet() {
        return quiet;
    }

    /**
     * The progress bar of a bulk command, on stderr, when stderr is a terminal and not --quiet; else
     * {@link Progress#NONE}. Notes print above it while it is open. Close it when done.
     */
    public Progress openProgress() {
        if (quiet || !terminals.stderr()) {
            return Progress.NONE;
        }
        ProgressBar bar = new ProgressBar(err);
        progressBar = bar;
        return bar;
    }

    /** Ends the bar {@link #openProgress} opened, if any. */
    public void closeProgress() {
        ProgressBar bar = progressBar;
        progressBar = null;
        if (bar != null) {
            bar.close();
        }
    }

    /** A note on stderr ("note: …"), above the progress bar if one is shown; none with --quiet. */
    public void note(String line) {
        if (quiet) {
            return;
        }
        ProgressBar bar = progressBar;
        if (bar != null) {
            bar.printAbove(Styles.note() + SafeText.text(line));
            return;
        }
        synchronized (err) {
            err.println(Styles.note() + SafeText.text(line));
        }
    }

    void setColorMode(ColorMode mode) {
        this.colorMode = mode;
    }

    /** Tests shorten the waits between retries; nothing else changes the policy. */
    public void setRetryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
    }

    /** Colour for stdout (data) or stderr (messages): --color, then NO_COLOR / CLICOLOR_FORCE, then "is it a terminal". */
    public Ansi ansi(boolean forStdout) {
        return colorMode.enabled(env, forStdout ? terminals.stdout() : terminals.stderr()) ? Ansi.ON : Ansi.OFF;
    }

    /** How interactive commands open their terminal: the process's own unless a test injected another. */
    public TerminalOpener terminalOpener() {
        return terminalOpener == null ? TerminalOpener.system() : terminalOpener;
    }

    /** Tests drive interactive commands through a terminal on piped streams. */
    public void setTerminalOpener(TerminalOpener opener) {
        this.terminalOpener = opener;
    }

    /** The confirmation of a command that changes the server: see {@link Prompt}. */
    public Prompt prompt() {
        // Ctrl-C at the question ends the process before the commands' own finally blocks: let go of the locks here,
        // so that the next run finds them free rather than left by a dead process.
        return new Prompt(in, err, env, screenRows != null ? screenRows : () -> ScreenHeight.rows(env),
                () -> locks.forEach(RunLock::close));
    }

    /** Tests that pretend to be on a terminal give its height (0: unknown, nothing is cut), not the real one's. */
    public void setScreenRows(IntSupplier rows) {
        this.screenRows = rows;
    }

    /**
     * A context for running another command in this process (the support bundle's parts): its own streams, no
     * terminal, no stdin, the same environment, retry policy and settings (already resolved, so that a token read
     * from stdin is not asked for twice), and this context's response tap.
     */
    public CommandContext child(PrintWriter childOut, PrintWriter childErr) {
        CommandContext child = new CommandContext(childOut, childErr, InputStream.nullInputStream(), env,
                Terminals.NONE, clock);
        child.retryPolicy = retryPolicy;
        child.settings = settings;
        child.colorMode = ColorMode.never;
        child.bodyTap = bodyTap;
        return child;
    }

    /** Hands every response body the client receives to {@code tap} as well (the support bundle's user redaction). */
    public void tapResponses(ClientListener tap) {
        this.bodyTap = tap;
    }

    public ConfigStore configStore() {
        return new ConfigStore(ConfigStore.directory(env));
    }

    public SettingsResolver settingsResolver() {
        return new SettingsResolver(env, configStore(), in, OptionNames.INSTANCE);
    }

    /** Where journals and locks live: $XDG_STATE_HOME/scimctl, else ~/.local/state/scimctl. */
    public Path stateFolder() {
        return StateFolder.directory(env);
    }

    /**
     * Takes the lock on {@code key} for the rest of this run (close it when done), or fails at once naming the
     * process that holds it. A lock left by a dead process is taken over with a note on stderr.
     *
     * @param kind    "server", "journal", "mapping": part of the lock file's name
     * @param what    the locked thing, as the message names it
     * @param command what this run does, for the message another run would print
     */
    public RunLock lock(String kind, String key, String what, String command) {
        RunLock lock = RunLock.acquire(RunLock.fileFor(StateFolder.locks(env), kind, key), what, command,
                clock.instant(), note -> err.println("note: " + note));
        locks.add(lock);
        return lock;
    }

    /**
     * The lock on a file this run appends to or rewrites (a journal, a mapping file), keyed by its real path, so that
     * a link and its target share one.
     */
    public RunLock lockFile(String kind, Path file, String what, String command) {
        Path key = file.toAbsolutePath().normalize();
        try {
            key = AtomicFile.followLinks(key).normalize();
            // Its folder's real path too: 'linked/import.journal' and 'real/import.journal' are one file.
            key = key.getParent().toRealPath().resolve(key.getFileName());
        } catch (IOException e) {
            // a loop of links, or no folder yet: the file's own open reports it
        }
        return lock(kind, key.toString(), what, command);
    }

    /** The lock on a journal a run appends to (an import's, an undo's): two runs would interleave their lines. */
    public RunLock lockJournal(Path journal, String command) {
        return lockFile("journal", journal, "the journal " + journal, command);
    }

    /**
     * The lock on the server of these settings, held by every command that changes users or groups in bulk (import,
     * users deactivate, users delete), so that two such runs against one server cannot do the same work twice.
     */
    public RunLock lockServer(ConnectionOptions options, String command) {
        URI url = settings(options).url();
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return lock("server", Origin.of(url) + path, "the server " + url, command);
    }

    /** The settings of this run, resolved once from the command's connection options. */
    public Settings settings(ConnectionOptions options) {
        if (settings == null) {
            settings = settingsResolver().resolve(options.flags());
            settings.warnings().forEach(this::warn);
            if (debug) {
                err.println("debug: url " + settings.url() + " from " + settings.urlSource() + "; token "
                        + settings.token().lastFour() + " from " + settings.tokenSource());
                settings.mixedSources().ifPresent(mix -> err.println("debug: " + mix));
            }
        }
        return settings;
    }

    /** The one SCIM client of this run. */
    public ScimClient client(ConnectionOptions options) {
        if (client == null) {
            Settings s = settings(options);
            ScimClientConfig config = new ScimClientConfig(s.url(), s.token(), s.connectTimeout(), s.requestTimeout(),
                    retryPolicy, "scimctl/" + Version.get(), listener(), clock, null, maxResponseBytes(), cacheDir(),
                    OptionNames.INSTANCE);
            client = new ScimClient(config, s.network());
        }
        return client;
    }

    /** Where discovery is kept between runs: $SCIMCTL_CACHE_DIR, else $XDG_CACHE_HOME/scimctl, else ~/.cache/scimctl. */
    private Path cacheDir() {
        return XdgFolder.of(env, EnvVars.CACHE_DIR, "XDG_CACHE_HOME", ".cache");
    }

    /** SCIMCTL_MAX_RESPONSE_SIZE, or 0 for the client's default. */
    private long maxResponseBytes() {
        String v = env.get(EnvVars.MAX_RESPONSE_SIZE);
        return v == null || v.isBlank() ? 0 : ByteSize.parse(v, EnvVars.MAX_RESPONSE_SIZE);
    }

    /** The token of this run, if one was resolved: the error handler scrubs it from every message as a last guard. */
    public Secret knownToken() {
        return settings == null ? null : settings.token();
    }

    /** Every secret this run knows of: the token once resolved, and proxy passwords (from flags, profile, environment). */
    public List<Secret> knownSecrets() {
        List<Secret> secrets = new ArrayList<>();
        if (settings != null) {
            secrets.add(settings.token());
            secrets.addAll(settings.proxies().secrets());
            // A base URL may carry user:password@ (the JDK never sends it); the password is a secret all the same.
            String userInfo = settings.url().getRawUserInfo();
            String password = userInfo == null || userInfo.indexOf(':') < 0 ? "" : userInfo.substring(userInfo.indexOf(':') + 1);
            if (!password.isEmpty()) {
                secrets.add(new Secret(password));
            }
        } else {
            secrets.addAll(ProxySettings.of(null, env).secrets());
        }
        return secrets;
    }

    /** {@code text} with every known secret replaced: the last guard before anything is printed. */
    public String scrub(String text) {
        String scrubbed = text;
        for (Secret secret : knownSecrets()) {
            scrubbed = secret.scrub(scrubbed);
        }
        return scrubbed;
    }

    /** Sends the core's debug lines (with --debug) and notices to stderr. */
    public ClientListener listener() {
        return new ClientListener() {
            @Override
            public boolean debugEnabled() {
                return debug;
            }

            @Override
            public void debug(String line) {
                synchronized (err) {
                    err.println("debug: " + SafeText.text(scrub(line)));
                }
            }

            @Override
            public void notice(String line) {
                ClientListener taken = noticeListener;
                if (taken != null) {
                    taken.notice(line);
                    return;
                }
                note(line);
            }

            @Override
            public void received(com.fasterxml.jackson.databind.JsonNode body) {
                ClientListener tap = bodyTap;
                if (tap != null) {
                    tap.received(body);
                }
            }

            @Override
            public void retrying(String method, URI uri, int status, Duration wait) {
                ClientListener taken = noticeListener;
                if (taken != null) {
                    taken.retrying(method, uri, status, wait);
                }
            }
        };
    }

    /**
     * Lets a command take over the core's notices and retry events (a bulk command that draws a progress bar on
     * stderr, and slows down when the server pushes back). Debug lines still go to stderr. Null gives them back.
     */
    public void takeClientNotices(ClientListener listener) {
        this.noticeListener = listener;
    }

    public void warn(String message) {
        err.println(Styles.warning(ansi(false)) + SafeText.text(message));
    }

    /** An error line on stderr ("error: …"), for a failure the command reports itself before its exit code. */
    public void error(String message) {
        err.println(Styles.error(ansi(false)) + SafeText.text(message));
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
        if (client != null) {
            client.close();
        }
    }
}
