package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.io.AtomicFile;
import dev.scimctl.sandbox.SandboxRequest;
import dev.scimctl.sandbox.SandboxServer;
import dev.scimctl.sandbox.SandboxStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scimctl sandbox}: a local SCIM server that behaves like NinjaOne, to try scimctl (or an IdP) against. */
@Command(name = "sandbox",
        description = {"Run a local NinjaOne-like SCIM 2.0 server.",
                "It follows RFC 7643/7644 and behaves like NinjaOne: Users with NinjaOne's extension and its value "
                        + "rules, Groups, bearer-token authentication.",
                "It prints its URL and token, logs one line per request to stderr, and runs until Ctrl-C; "
                        + "with --data it keeps its users and groups in a file between runs."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl sandbox --data sandbox.json",
                "  scimctl sandbox --port 0 --token-file token.txt --latency 200 --fail-rate 0.1",
                "  scimctl sandbox --disable patch,filter    # as a server without PATCH or filters"})
@ExitCodes(value = {ExitCode.OK, ExitCode.USAGE, ExitCode.INPUT},
        details = {"0:stopped",
                "2:a wrong option or argument, or the port is taken",
                "3:the token file or the data file cannot be read, or the data file is not a sandbox data file"})
public final class SandboxCommand implements Callable<Integer> {
    /** Local time: the log is read by the person at this terminal, next to their own clock. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Capabilities that can be switched off to mimic a server without them. */
    enum Feature { patch, filter, sort, etag }

    private final CommandContext context;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8880",
            description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Load users and groups from FILE at start and save them there (atomically) while running "
                    + "and at exit, and keep the token beside it (sandbox.json: sandbox.token, mode 0600), so it "
                    + "stays the same across restarts. Default: in memory only, a new token each start.")
    Path data;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The bearer token clients must send, read from FILE (or stdin with '-'). "
                    + "Default: a random token, printed once at start (with --data, the one kept beside the data).")
    String tokenFile;

    @Option(names = "--soft-delete",
            description = "DELETE /Users/{id} only sets active=false and keeps the user, as NinjaOne keeps users "
                    + "removed at the IdP. By default DELETE removes the user (RFC 7644), and later reads get 404.")
    boolean softDelete;

    @Option(names = "--enterprise-extension",
            description = "Declare RFC 7643's enterprise User extension (employeeNumber, manager, ...) beside "
                    + "NinjaOne's, so RFC 7643 section 8.3's example can be sent. NinjaOne is not known to declare it.")
    boolean enterpriseExtension;

    @Option(names = "--library-discovery",
            description = "Serve /Schemas and /ResourceTypes as the server library makes them (its own endpoints as "
                    + "resource types, its undeclared ResourceTypeFeatures extension), for comparing; strict "
                    + "clients reject them.")
    boolean libraryDiscovery;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0",
            description = "Add MS milliseconds to every request. Default: ${DEFAULT-VALUE}.")
    long latencyMillis;

    @Option(names = "--fail-rate", paramLabel = "P", defaultValue = "0",
            description = "Answer this fraction (0 to 1) of requests with 429 or 503 and 'Retry-After: 1'. "
                    + "Default: ${DEFAULT-VALUE}.")
    double failRate;

    @Option(names = "--disable", paramLabel = "FEATURE", split = ",",
            description = "Switch capabilities off (${COMPLETION-CANDIDATES}), as a server without them: PATCH gets "
                    + "501, a filter or sortBy is ignored, no ETags. /ServiceProviderConfig says so.")
    Set<Feature> disabled = EnumSet.noneOf(Feature.class);

    @Option(names = "--max-page-size", paramLabel = "N", defaultValue = "100",
            description = "The most resources in one list response. Default: ${DEFAULT-VALUE}.")
    int maxPageSize;

    SandboxCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        String token;
        String tokenSource;
        Path savedToken = null;
        if (tokenFile != null) {
            token = context.settingsResolver().readTokenFile(tokenFile).reveal();
            tokenSource = "-".equals(tokenFile) ? "stdin" : tokenFile;
        } else if (data != null) {
            checkData(); // a data file that will be refused must not get a token file beside it
            // The token lives with the data, so a profile saved against this sandbox keeps working after a restart.
            savedToken = tokenFileFor(data);
            token = savedOrNewToken(savedToken);
            tokenSource = null;
        } else {
            token = randomToken();
            tokenSource = null;
        }
        PrintWriter err = context.err();
        SandboxServer server = start(SandboxServer.builder()
                .host(host)
                .port(port)
                .token(token)
                .dataFile(data)
                .softDelete(softDelete)
                .enterpriseExtension(enterpriseExtension)
                .libraryDiscovery(libraryDiscovery)
                .latency(Duration.ofMillis(latencyMillis))
                .failRate(failRate)
                .patch(!disabled.contains(Feature.patch))
                .filter(!disabled.contains(Feature.filter))
                .sort(!disabled.contains(Feature.sort))
                .etag(!disabled.contains(Feature.etag))
                .maxPageSize(maxPageSize)
                .requestListener(this::log)
                .build());
        // Ctrl-C: the JVM runs this hook, which stops the server and writes the data file before exiting.
        Thread closeOnExit = new Thread(server::close, "scimctl-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            PrintWriter out = context.out();
            out.println("url: " + server.baseUrl());
            if (tokenSource == null) {
                // The one place scimctl prints a token: it was made up here, and the user needs it to connect.
                out.println("token: " + token);
            }
            if (savedToken != null) {
                out.println("token-file: " + savedToken);
            }
            out.flush();
            synchronized (err) {
                err.println("sandbox: serving SCIM 2.0 at " + server.baseUrl() + "; "
                        + (tokenSource == null ? "token printed above" : "token from " + tokenSource)
                        + (savedToken == null ? "" : " and kept in " + savedToken + " for the next start") + "; "
                        + (data == null ? "data in memory only" : "data in " + data) + "; Ctrl-C stops");
                err.flush();
            }
            new CountDownLatch(1).await(); // until Ctrl-C (the hook) or, in tests, an interrupt
            return ExitCode.OK;
        } catch (InterruptedException stopped) {
            server.close();
            synchronized (err) {
                err.println("sandbox: stopped" + (data == null ? "" : "; data saved in " + data));
                err.flush();
            }
            return ExitCode.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it closes the server
            }
        }
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535, not " + port);
        }
        if (latencyMillis < 0) {
            throw new UsageException("--latency must be zero or more milliseconds, not " + latencyMillis);
        }
        if (!(failRate >= 0 && failRate <= 1)) {
            throw new UsageException("--fail-rate must be between 0 and 1 (a fraction of requests), not " + failRate);
        }
        if (maxPageSize < 1) {
            throw new UsageException("--max-page-size must be at least 1, not " + maxPageSize);
        }
    }

    private SandboxServer start(SandboxServer server) {
        try {
            return server.start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException || e.getCause() instanceof UnknownHostException) {
                throw new UsageException("cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage()
                        + "): pick another --port, or --port 0 for a free one");
            }
            throw new InputException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** One line per request: never a header, so never the token; the path without its query. */
    private void log(SandboxRequest request) {
        PrintWriter err = context.err();
        String line = TIME.format(context.clock().instant()) + " " + request.method() + " " + request.path() + " "
                + request.status() + " " + request.elapsed().toMillis() + " ms";
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    private void checkData() {
        try {
            new SandboxStore().load(data);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** Where the token of a sandbox with this data file is kept: beside it, {@code sandbox.json} → {@code sandbox.token}. */
    static Path tokenFileFor(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String tokenName = base + ".token";
        return data.resolveSibling(tokenName.equals(name) ? name + ".token" : tokenName);
    }

    /** The token saved beside the data, or a new one, saved there (mode 0600) before anyone can use it. */
    private String savedOrNewToken(Path file) {
        if (Files.exists(file)) {
            String saved = context.settingsResolver().readTokenFile(file.toString()).reveal();
            if (!saved.isBlank()) {
                return saved;
            }
        }
        String token = randomToken();
        try {
            AtomicFile.write(file, (token + "\n").getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new InputException("cannot save the sandbox's token in " + file + ": " + e.getMessage()
                    + "; choose another --data, or give --token-file", e);
        }
        return token;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
