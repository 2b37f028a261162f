import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the check-off API through the load balancer, with one instance killed in the middle.
 *
 * <p>Each worker checks off sessions for one demo client, one past day after another, each with a fresh idempotency
 * key. A request that fails (the instance died while it was in flight) is sent again with the same key until it is
 * acknowledged, as the mobile app does: the key makes the retry save at most once. What was acknowledged is written
 * to a file, so the caller can compare it with what the database stored.
 *
 * <pre>
 * java CheckOffLoad.java BASE_URL CLIENTS_FILE OUT_DIR SECONDS WORKERS KILL_AT_SECONDS 'KILL COMMAND' 'RESTART COMMAND'
 * </pre>
 * CLIENTS_FILE has one {@code accessToken assignmentId} pair a line. The kill and restart commands run through
 * {@code bash -c}; the kill command returns once the process is gone, the restart goes right after it. Each instance
 * names itself in the {@code X-Backline-Instance} response header, nginx names the address in {@code X-Upstream}.
 * Runs with JDK 21+ as a single-file program, no dependencies.
 */
public class CheckOffLoad {
    record Client(String token, String assignmentId, AtomicInteger nextDaysBack) {
    }

    /** A request that got no acknowledgement; status 0 when nginx itself could not be reached. */
    record Failure(long startedMs, long endedMs, int status, String upstream, String what) {
        /**
         * Lost with the killed instance: started before its process was gone, ended after the kill was sent, and nginx
         * answered 502 after sending it to that instance alone. nginx passes a request on to the other instance only
         * while it could not reach one, so these had reached the killed instance before it died (it takes a moment to
         * die: the kernel tears down a big JVM). Any other failure counts against the run.
         */
        boolean inFlightAtKill() {
            return status == 502 && upstream.equals(killedUpstream) && killIssuedMs > 0 && endedMs >= killIssuedMs
                    && killedAtMs > 0 && startedMs <= killedAtMs;
        }
    }

    static final AtomicLong sent = new AtomicLong();
    static final AtomicLong acknowledged = new AtomicLong();
    static final AtomicLong acknowledgedOnRetry = new AtomicLong();
    static final AtomicLong alreadySavedOnRetry = new AtomicLong();
    static final AtomicLong refused = new AtomicLong();
    static final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    static final Map<String, AtomicLong> byUpstream = new ConcurrentHashMap<>();
    /** Acknowledged check-offs by the instance that named itself, before the kill and after it. */
    static final Map<String, AtomicLong> byInstanceBeforeKill = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> byInstanceAfterKill = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> acknowledgedKeys = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    static volatile long killIssuedMs = -1;
    static volatile long killedAtMs = -1;
    static volatile long killedUpstreamBackAtMs = -1;
    static volatile String killedUpstream = "";
    static long t0;

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: CheckOffLoad BASE_URL CLIENTS_FILE OUT_DIR SECONDS WORKERS KILL_AT_SECONDS KILL_CMD RESTART_CMD [KILLED_UPSTREAM]");
            System.exit(2);
        }
        String base = args[0];
        List<Client> clients = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                clients.add(new Client(parts[0], parts[1], new AtomicInteger(1)));
            }
        }
        if (clients.isEmpty()) {
            System.err.println("No clients in " + args[1]);
            System.exit(1);
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        int seconds = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        int killAt = Integer.parseInt(args[5]);
        String killCommand = args[6];
        String restartCommand = args[7];
        killedUpstream = args.length > 8 ? args[8] : "";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        t0 = System.currentTimeMillis();
        long end = t0 + seconds * 1000L;

        Thread killer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(killAt * 1000L);
                killIssuedMs = System.currentTimeMillis();
                run(killCommand);
                killedAtMs = System.currentTimeMillis();
                System.out.printf("  %5.1f s  killed: %s%n", (killIssuedMs - t0) / 1000.0, killCommand);
                if (!restartCommand.isBlank()) {
                    new ProcessBuilder("bash", "-c", restartCommand).inheritIO().start();
                    System.out.printf("  %5.1f s  restarting: %s%n", (System.currentTimeMillis() - t0) / 1000.0, restartCommand);
                }
            } catch (Exception e) {
                System.err.println("kill failed: " + e);
            }
        });

        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            Client client = clients.get(w % clients.size());
            Thread.ofPlatform().start(() -> {
                try {
                    while (System.currentTimeMillis() < end) {
                        checkOff(http, base, client);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        killer.join(1000);
        long elapsedMs = System.currentTimeMillis() - t0;

        try (PrintWriter keys = new PrintWriter(Files.newBufferedWriter(out.resolve("acknowledged-keys.txt")))) {
            acknowledgedKeys.forEach(keys::println);
        }
        List<Failure> all = new ArrayList<>(failures);
        long inFlight = all.stream().filter(Failure::inFlightAtKill).count();
        long late = all.size() - inFlight;
        long lastFailure = all.stream().mapToLong(Failure::endedMs).max().orElse(-1);
        List<Long> lat = new ArrayList<>(latenciesMicros);
        lat.sort(null);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("seconds", elapsedMs / 1000.0);
        summary.put("workers", workers);
        summary.put("requests_sent", sent.get());
        summary.put("requests_per_second", Math.round(sent.get() * 1000.0 / elapsedMs));
        summary.put("acknowledged", acknowledged.get());
        summary.put("acknowledged_after_retry", acknowledgedOnRetry.get());
        summary.put("retry_found_already_saved", alreadySavedOnRetry.get());
        summary.put("refused_4xx", refused.get());
        summary.put("errors", all.size());
        summary.put("errors_in_flight_at_kill", inFlight);
        summary.put("errors_other", late);
        summary.put("killed_at_s", killIssuedMs < 0 ? -1 : (killIssuedMs - t0) / 1000.0);
        summary.put("process_gone_after_ms", killIssuedMs < 0 || killedAtMs < 0 ? -1 : killedAtMs - killIssuedMs);
        summary.put("last_error_after_kill_ms", killIssuedMs < 0 || lastFailure < 0 ? 0 : lastFailure - killIssuedMs);
        summary.put("killed_instance_serving_again_after_ms",
                killedUpstreamBackAtMs < 0 ? -1 : killedUpstreamBackAtMs - killIssuedMs);
        summary.put("latency_p50_ms", pct(lat, 50));
        summary.put("latency_p99_ms", pct(lat, 99));
        summary.put("latency_max_ms", lat.isEmpty() ? 0 : lat.get(lat.size() - 1) / 1000.0);
        summary.put("served_by", new java.util.TreeMap<>(byUpstream));
        summary.put("instances_before_kill", new java.util.TreeMap<>(byInstanceBeforeKill));
        summary.put("instances_after_kill", new java.util.TreeMap<>(byInstanceAfterKill));
        StringBuilder json = new StringBuilder("{");
        summary.forEach((k, v) -> json.append(json.length() > 1 ? ",\n " : "\n ").append('"').append(k).append("\": ")
                .append(v instanceof Map<?, ?> m ? toJson(m) : v instanceof String s ? '"' + s + '"' : String.valueOf(v)));
        json.append("\n}\n");
        Files.writeString(out.resolve("load-summary.json"), json);
        try (PrintWriter errors = new PrintWriter(Files.newBufferedWriter(out.resolve("errors.txt")))) {
            all.forEach(f -> errors.printf("%.3f..%.3f s %s %s%n", (f.startedMs - t0) / 1000.0, (f.endedMs - t0) / 1000.0,
                    f.inFlightAtKill() ? "in flight at the kill:" : "OTHER:", f.what));
        }
        System.out.print(json);
    }

    /** One session checked off: retried with the same key until acknowledged (or 60 s have passed). */
    static void checkOff(HttpClient http, String base, Client client) {
        LocalDate day = LocalDate.now().minusDays(client.nextDaysBack.getAndIncrement());
        UUID key = UUID.randomUUID();
        String body = """
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":2,"feeling":"GOOD","note":"scale-out load","idempotencyKey":"%s"}"""
                .formatted(day, key);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/assignments/" + client.assignmentId + "/sessions"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + client.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long giveUp = System.currentTimeMillis() + 60_000;
        for (int attempt = 0; System.currentTimeMillis() < giveUp; attempt++) {
            long started = System.currentTimeMillis();
            long startedNanos = System.nanoTime();
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long ended = System.currentTimeMillis();
                String upstream = response.headers().firstValue("X-Upstream").orElse("?");
                String instance = response.headers().firstValue("X-Backline-Instance").orElse("?");
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    latenciesMicros.add((System.nanoTime() - startedNanos) / 1000);
                    byUpstream.computeIfAbsent(upstream, u -> new AtomicLong()).incrementAndGet();
                    (killIssuedMs > 0 && started >= killIssuedMs ? byInstanceAfterKill : byInstanceBeforeKill)
                            .computeIfAbsent(instance, i -> new AtomicLong()).incrementAndGet();
                    if (killedAtMs > 0 && started > killedAtMs && killedUpstreamBackAtMs < 0 && upstream.equals(killedUpstream)) {
                        killedUpstreamBackAtMs = ended;
                    }
                    acknowledged.incrementAndGet();
                    acknowledgedKeys.add(key.toString());
                    if (attempt > 0) {
                        acknowledgedOnRetry.incrementAndGet();
                        if (status == 200) {
                            alreadySavedOnRetry.incrementAndGet();
                        }
                    }
                    return;
                }
                if (status >= 400 && status < 500) {
                    refused.incrementAndGet();
                    failures.add(new Failure(started, ended, status, upstream, "HTTP " + status + " via " + upstream + ": "
                            + response.body().substring(0, Math.min(200, response.body().length()))));
                    return;
                }
                failures.add(new Failure(started, ended, status, upstream, "HTTP " + status + " via " + upstream));
            } catch (IOException e) {
                failures.add(new Failure(started, System.currentTimeMillis(), 0, "", e.getClass().getSimpleName() + ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(200);
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static String toJson(Map<?, ?> map) {
        StringBuilder s = new StringBuilder("{");
        map.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return s.append('}').toString();
    }

    static void run(String command) throws IOException, InterruptedException {
        new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
