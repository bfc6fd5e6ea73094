import dev.scimctl.sandbox.SandboxServer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sandbox SCIM server for bench/import.sh, for checkouts where 'scimctl sandbox' is not there yet:
 * starts on a free port with the token in the file given, prints "url: BASE_URL", and serves until it is killed.
 * Run as a source file: java -cp target/scimctl-all.jar bench/ImportBenchServer.java TOKEN_FILE
 */
public class ImportBenchServer {
    public static void main(String[] args) throws Exception {
        String token = Files.readString(Path.of(args[0])).strip();
        SandboxServer server = SandboxServer.builder().token(token).build().start();
        System.out.println("url: " + server.baseUrl());
        System.out.flush();
        Thread.currentThread().join(); // the server's threads are daemons: keep the JVM until it is killed
    }
}
