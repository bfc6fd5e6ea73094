package dev.scimctl.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.RootCommand;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.config.EnvVars;
import dev.scimctl.config.Settings;
import dev.scimctl.config.StateFolder;
import dev.scimctl.config.TokenAge;
import dev.scimctl.scim.ClientListener;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.Secret;
import dev.scimctl.support.JournalSummary;
import dev.scimctl.support.Redaction;
import dev.scimctl.support.SupportBundle;
import dev.scimctl.support.SystemFacts;
import dev.scimctl.support.UserHashes;
import dev.scimctl.text.ShellWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** {@code scimctl support bundle}: one zip for a vendor's support desk, with every secret left out. */
@Command(name = "bundle")
@ExitCodes({ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
public final class SupportBundleCommand implements Callable<Integer> {
    /** Commands --trace may run: they only read, so a support bundle never changes the tenant. */
    static final List<String> TRACEABLE = List.of("test-connection", "users list", "users get", "groups list",
            "groups get", "config show", "config list", "probe");

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--trace", paramLabel = "COMMAND")
    String trace;

    @Option(names = "--journal", paramLabel = "FILE")
    Path journal;

    @Option(names = "--redact-users")
    boolean redactUsers;

    SupportBundleCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        List<String> traceArgs = trace == null ? null : traceArgs(trace);
        UserHashes users = redactUsers ? new UserHashes() : null;
        if (users != null) {
            context.tapResponses(new ClientListener() {
                @Override
                public void received(JsonNode body) {
                    users.learn(body);
                }
            });
        }
        SupportBundle bundle = new SupportBundle(context.clock().instant());
        bundle.add("system.json", "scimctl and Java versions, the OS, locale and time zone", json(SystemFacts.collect()));
        Settings settings = settings(bundle);
        if (settings != null) {
            addServerParts(bundle, settings, users);
        }
        addLastImport(bundle, users);
        if (traceArgs != null) {
            addTrace(bundle, traceArgs);
        }
        Path target = out != null ? out : Path.of("scimctl-support-" + STAMP.format(context.clock().instant()) + ".zip");
        Redaction redaction = new Redaction(secrets(settings), users);
        PrintWriter err = context.err();
        err.println("The support bundle " + target + " will hold:");
        err.print(bundle.listing(redactUsers));
        try {
            bundle.write(target, redaction);
        } catch (IOException e) {
            throw new InputException(target + ": cannot write the bundle (" + e.getMessage()
                    + "): choose another place with --out FILE", e);
        } finally {
            context.tapResponses(null);
        }
        err.println("Wrote " + target + " (" + Files.size(target) + " bytes). Look inside before you send it: "
                + "unzip -l " + target);
        context.out().println(target);
        return ExitCode.OK;
    }

    // ---- the parts ---------------------------------------------------------------------------------------------

    /** settings.json: each setting and where it came from. Null when they cannot be resolved (that goes in, too). */
    private Settings settings(SupportBundle bundle) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configDir", context.configStore().dir().toString());
        m.put("environment", environment());
        Settings s = null;
        try {
            s = context.settings(connection);
        } catch (RuntimeException e) {
            m.put("error", e.getMessage());
        }
        if (s != null) {
            m.put("profile", s.profile());
            m.put("url", withoutUserInfo(s.url()));
            m.put("urlSource", s.urlSource());
            m.put("urlHasUserInfo", s.url().getRawUserInfo() != null);
            m.put("token", "(not included) last four " + s.token().lastFour());
            m.put("tokenSource", s.tokenSource());
            if (s.tokenSetAt() != null) {
                m.put("tokenSetAt", s.tokenSetAt().toString());
                m.put("tokenAge", TokenAge.describe(s.tokenSetAt(), context.clock().instant()));
            }
            m.put("connectTimeoutSeconds", s.connectTimeout().toMillis() / 1000.0);
            m.put("timeoutSeconds", s.requestTimeout().toMillis() / 1000.0);
            String proxy;
            try {
                proxy = s.proxies().route(s.url()).describe();
            } catch (IllegalArgumentException e) {
                proxy = e.getMessage();
            }
            m.put("proxy", proxy);
            m.put("trustedCAs", s.trust().describe());
        }
        bundle.add("settings.json", "the settings in effect and where each came from (never the token)", json(m));
        return s;
    }

    /** The variables scimctl reads, by name: values only where they hold no secret. */
    private Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : List.of(EnvVars.URL, EnvVars.TOKEN, EnvVars.TOKEN_FILE, EnvVars.PROFILE, EnvVars.CONFIG_DIR,
                EnvVars.CONNECT_TIMEOUT, EnvVars.TIMEOUT, EnvVars.SSL_CERT_FILE, "https_proxy", "HTTPS_PROXY",
                "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY", "XDG_CONFIG_HOME",
                "NO_COLOR", "CLICOLOR_FORCE", "TERM")) {
            String value = context.env().get(name);
            if (value != null) {
                m.put(name, name.equals(EnvVars.TOKEN) ? "(set; not included)" : value);
            }
        }
        return m;
    }

    private void addServerParts(SupportBundle bundle, Settings settings, UserHashes users) {
        InProcessRun check = InProcessRun.of(context, "test-connection", "--output", "json");
        bundle.add("test-connection.json", "the test-connection report (exit " + check.exitCode() + ")",
                jsonOrError(check));
        ScimClient client = context.client(connection);
        Map<String, Supplier<Optional<JsonNode>>> discovery = new LinkedHashMap<>();
        discovery.put("ServiceProviderConfig", client::serviceProviderConfigDocument);
        discovery.put("Schemas", client::schemas);
        discovery.put("ResourceTypes", client::resourceTypes);
        for (Map.Entry<String, Supplier<Optional<JsonNode>>> d : discovery.entrySet()) {
            String endpoint = d.getKey();
            String text;
            try {
                text = d.getValue().get().map(SupportBundleCommand::json).orElseGet(() -> json(Map.of("served", false,
                        "detail", "the server does not serve /" + endpoint)));
            } catch (ScimException | IllegalArgumentException e) {
                text = json(Map.of("error", String.valueOf(e.getMessage())));
            }
            bundle.add("discovery/" + endpoint + ".json", "GET " + endpoint + ", as the server answered", text);
        }
        if (RootCommand.COMMANDS.containsKey("probe")) {
            InProcessRun probe = InProcessRun.of(context, "probe", "--output", "json");
            bundle.add("probe.json", "the probe report (exit " + probe.exitCode() + ")", jsonOrError(probe));
        }
    }

    private void addLastImport(SupportBundle bundle, UserHashes users) {
        Path file = journal != null ? journal : newestJournal(StateFolder.journals(context.env()));
        if (file == null) {
            file = newestJournal(Path.of(""));
        }
        if (file == null) {
            bundle.add("last-import.json", "no import journal found (give one with --journal FILE)",
                    json(Map.of("journal", "none found in " + StateFolder.journals(context.env()) + " or "
                            + Path.of("").toAbsolutePath())));
            return;
        }
        Map<String, Object> summary;
        try {
            summary = JournalSummary.read(file, users == null ? u -> { } : users::learnValue);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the journal (" + e.getMessage()
                    + "): give a readable one with --journal FILE", e);
        }
        bundle.add("last-import.json", "the last import's summary and its journal's counts (" + file.getFileName() + ")",
                json(summary));
    }

    /** The newest import journal in a folder (the state folder's journals; earlier scimctls kept them beside the input). */
    private static Path newestJournal(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal") && Files.isRegularFile(p))
                    .max(Comparator.comparing(SupportBundleCommand::modified)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private void addTrace(SupportBundle bundle, List<String> args) {
        List<String> withDebug = new ArrayList<>();
        withDebug.add("--debug");
        withDebug.addAll(args);
        InProcessRun run = InProcessRun.of(context, withDebug.toArray(String[]::new));
        bundle.add("trace/command.txt", "the traced command and its exit code",
                "scimctl " + String.join(" ", withDebug) + "\nexit " + run.exitCode() + "\n");
        bundle.add("trace/stdout.txt", "what it printed on stdout", run.out());
        bundle.add("trace/stderr.txt", "its --debug trace and messages (stderr)", run.err());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Splits the --trace text as a shell would (quotes, backslashes), and refuses commands that change anything. */
    static List<String> traceArgs(String text) {
        List<String> args;
        try {
            args = new ArrayList<>(ShellWords.split(text));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trace \"" + text + "\": " + e.getMessage());
        }
        if (args.size() > 0 && args.get(0).equals("scimctl")) {
            args.remove(0);
        }
        String joined = String.join(" ", args);
        boolean allowed = TRACEABLE.stream().anyMatch(c -> joined.equals(c) || joined.startsWith(c + " "));
        if (!allowed) {
            throw new UsageException("--trace \"" + text + "\": only commands that read can be traced ("
                    + String.join(", ", TRACEABLE) + "); run others yourself with --debug");
        }
        return args;
    }

    private List<String> secrets(Settings settings) {
        List<String> secrets = new ArrayList<>();
        for (Secret s : context.knownSecrets()) {
            secrets.add(s.reveal());
        }
        secrets.add(context.env().get(EnvVars.TOKEN));
        if (settings != null && settings.url().getRawUserInfo() != null) {
            String info = settings.url().getRawUserInfo();
            secrets.add(info);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                secrets.add(info.substring(colon + 1));
            }
        }
        return secrets;
    }

    private static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "");
    }

    private static String jsonOrError(InProcessRun run) {
        try {
            JsonNode node = JSON.readTree(run.out());
            if (node != null && !node.isMissingNode()) {
                return json(node);
            }
        } catch (IOException e) {
            // not JSON: the command failed before its report; keep what it said
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exitCode", run.exitCode());
        m.put("stdout", run.out());
        m.put("stderr", run.err());
        return json(m);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
