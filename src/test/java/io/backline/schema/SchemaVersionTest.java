package io.backline.schema;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An instance that does not migrate (docs/adr/0060) takes requests and runs its jobs only once the database has the
 * last migration of its own build.
 */
@QuarkusTest
class SchemaVersionTest {
    @Inject
    AppliedMigrationQuery query;
    @Inject
    Event<SchemaMigrated> migrated;

    @Test
    void instancesWaitForTheBuildsLastMigration() throws IOException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int last = files.map(file -> versioned.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(String.valueOf(last), SchemaVersion.EXPECTED,
                    "a new migration: make SchemaVersion.EXPECTED its version, so instances wait for it");
        }
    }

    @Test
    void theMigratedDatabaseIsReady() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.findAll { it.name == 'Database schema' }.status", hasItem("UP"));
    }

    @Test
    void aDatabaseWithoutTheBuildsLastMigrationIsNotReadyAndHoldsTheJobsBack() {
        SchemaVersion ahead = new SchemaVersion(query, migrated, "9999");
        assertFalse(ahead.current());
        assertEquals(HealthCheckResponse.Status.DOWN, new SchemaReadiness(ahead).call().getStatus());
        assertTrue(new SchemaPending(ahead).test(null));

        SchemaVersion built = new SchemaVersion(query, migrated, SchemaVersion.EXPECTED);
        assertTrue(built.current());
        assertEquals(HealthCheckResponse.Status.UP, new SchemaReadiness(built).call().getStatus());
        assertFalse(new SchemaPending(built).test(null));
    }
}
