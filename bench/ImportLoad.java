import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own capacity for bench/import.sh: POSTs one user per line of a JSON-lines file over keep-alive
 * connections from THREADS threads, as fast as the server answers, and prints "users N seconds S". No retries,
 * no reading, no checks: the most a client can get out of this server.
 * Usage: java bench/ImportLoad.java BASE_URL TOKEN_FILE USERS_JSONL THREADS
 */
public class ImportLoad {
    public static void main(String[] args) throws Exception {
        URI users = URI.create(args[0] + "/Users");
        String token = Files.readString(Path.of(args[1])).strip();
        List<String> bodies = Files.readAllLines(Path.of(args[2]));
        int threads = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                    HttpRequest request = HttpRequest.newBuilder(users)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/scim+json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 201) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            System.err.println("ImportLoad: " + failed.get() + " requests failed");
            System.exit(1);
        }
        System.out.println(String.format(Locale.ROOT, "users %d seconds %.3f", bodies.size(), seconds));
    }
}
