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
@Command(name = "sandbox")
@ExitCodes(ExitCode.INPUT)
public final class SandboxCommand implements Callable<Integer> {
    /** Local time: the log is read by the person at this terminal, next to their own clock. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Capabilities that can be switched off to mimic a server without them. */
    enum Feature { patch, filter, sort, etag }

    private final CommandContext context;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8880")
    int port;

    @Option(names = "--data", paramLabel = "FILE")
    Path data;

    @Option(names = "--token-file", paramLabel = "FILE")
    String tokenFile;

    @Option(names = "--soft-delete")
    boolean softDelete;

    @Option(names = "--enterprise-extension")
    boolean enterpriseExtension;

    @Option(names = "--library-discovery")
    boolean libraryDiscovery;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0")
    long latencyMillis;

    @Option(names = "--fail-rate", paramLabel = "P", defaultValue = "0")
    double failRate;

    @Option(names = "--disable", paramLabel = "FEATURE", split = ",")
    Set<Feature> disabled = EnumSet.noneOf(Feature.class);

    @Option(names = "--max-page-size", paramLabel = "N", defaultValue = "100")
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
