package dev.scimctl.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The second, independent SCIM server: SCIMMY on Node.js (ci/scimmy). CI's .ci/run starts one and passes it in
 * SCIMCTL_SCIMMY_URL and SCIMCTL_SCIMMY_TOKEN; elsewhere this starts one itself when Node.js and the npm packages
 * are there, and otherwise skips the tests, except under CI, where a missing server is a failure.
 */
public final class ScimmyServer implements AutoCloseable {
    private static final Path DIR = Path.of("ci", "scimmy");
    private static ScimmyServer shared;

    private final String baseUrl;
    private final String token;
    private final Process process;

    private ScimmyServer(String baseUrl, String token, Process process) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.process = process;
    }

    /** The server for this JVM: CI's, or one started here on first use and stopped when the JVM exits. */
    public static synchronized ScimmyServer get() {
        if (shared == null) {
            shared = locateOrStart();
        }
        return shared;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    private static ScimmyServer locateOrStart() {
        String url = System.getenv("SCIMCTL_SCIMMY_URL");
        String token = System.getenv("SCIMCTL_SCIMMY_TOKEN");
        if (url != null && token != null) {
            return new ScimmyServer(url, token, null);
        }
        boolean ci = "true".equals(System.getenv("CI"));
        boolean installed = Files.isDirectory(DIR.resolve("node_modules/scimmy"));
        if (!installed) {
            String why = "SCIMMY is not installed: run 'npm ci --prefix ci/scimmy' (CI's .ci/run does)";
            if (ci) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        try {
            return start();
        } catch (IOException | RuntimeException e) {
            if (ci) {
                throw new IllegalStateException("cannot start the SCIMMY server: " + e.getMessage(), e);
            }
            Assumptions.abort("cannot start the SCIMMY server (is Node.js installed?): " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    private static ScimmyServer start() throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ProcessBuilder pb = new ProcessBuilder("node", "server.mjs").directory(DIR.toFile());
        pb.environment().put("TOKEN", token);
        pb.environment().put("PORT", "0");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the SCIMMY server did not start within 20 s");
        }
        if (line == null || !line.startsWith("url: ")) {
            process.destroyForcibly();
            throw new IOException("the SCIMMY server said " + line + " instead of its URL");
        }
        ScimmyServer server = new ScimmyServer(line.substring(5).strip(), token, process);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
