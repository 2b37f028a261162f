package io.backline.directory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.backline.support.DatabaseOwner;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test: `./mvnw test -Dtest=DirectorySearchBenchmark` (the suite never runs it, and it asserts
 * nothing about time). It adds 10,000 synthetic providers, then measures the directory search page signed in as a
 * trainer: latency one request at a time, and throughput with 50 concurrent connections. The table goes to stdout and
 * to target/benchmarks/directory-search.md.
 */
@QuarkusTest
class DirectorySearchBenchmark {
    static final Map<String, String> SCENARIOS = new LinkedHashMap<>();
    static {
        SCENARIOS.put("text + distance (\"deep tissue\" within 6 miles of 97005)", "q=deep+tissue&near=97005&radius=6");
        SCENARIOS.put("specialty + distance + accepting (3 miles of 97214)", "specialty=MASSAGE_THERAPIST&near=97214&radius=3&accepting=true");
        SCENARIOS.put("part of a word (\"fasc\"), by name", "q=fasc&sort=name");
        SCENARIOS.put("city, second page", "place=Portland&page=2");
    }

    @Test
    void measure() throws Exception {
        TestData.sql("""
                insert into provider (id, owner_clinic_id, full_name, credentials, practice, specialty, techniques, address,
                    city, neighbourhood, postal_code, latitude, longitude, phone, email, accepting_new_clients, languages, demo, notes)
                select gen_random_uuid(), null, 'Bench Provider ' || n, 'LMT', 'Bench Practice ' || (n % 900),
                    (array['CHIROPRACTOR','MASSAGE_THERAPIST','PHYSICAL_THERAPIST','PHYSICIAN','OTHER'])[1 + n % 5],
                    (array['deep tissue, trigger points','myofascial release, posture','thoracic mobility, manual therapy',
                           'sports massage, stretching','spinal adjustment, soft tissue'])[1 + (n / 7) % 5],
                    n || ' SW Bench St', (array['Portland','Beaverton','Hillsboro','Tigard','Lake Oswego'])[1 + n % 5],
                    null, '97205', 45.40 + (n % 997) * 0.0002, -122.95 + (n % 991) * 0.0004, '503-555-0100',
                    'bench' || n || '@bench.example', n % 4 <> 0, 'English', true, 'Demo entry (fictional). Benchmark data.'
                from generate_series(1, 10000) as n""");
        try (var owner = DatabaseOwner.connect(); var statement = owner.createStatement()) {
            statement.execute("analyze provider"); // only the table's owner may analyze it
        }
        long providers = TestData.count("select count(*) from provider");

        var trainer = SignIn.as("rose-trainer");
        String cookies = trainer.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(50)).build();

        StringBuilder table = new StringBuilder("| search (" + providers + " providers) | p50 ms | p99 ms | req/s at 50 connections | errors |\n| --- | --- | --- | --- | --- |\n");
        for (var scenario : SCENARIOS.entrySet()) {
            URI uri = URI.create("http://localhost:8081/directory?" + scenario.getValue());
            HttpRequest request = HttpRequest.newBuilder(uri).header("Cookie", cookies).build();
            for (int i = 0; i < 100; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long start = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.discarding());
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            double[] load = load(http, request, 50, 10);
            table.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.0f |%n", scenario.getKey(),
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)), load[0], load[1]));
        }
        System.out.println(table);
        Path out = Path.of("target", "benchmarks", "directory-search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** Requests per second and errors with the given number of connections for the given seconds. */
    private static double[] load(HttpClient http, HttpRequest request, int connections, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            workers.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? done : errors).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(seconds + 30, java.util.concurrent.TimeUnit.SECONDS);
        return new double[] { done.get() / (double) seconds, errors.get() };
    }
}
