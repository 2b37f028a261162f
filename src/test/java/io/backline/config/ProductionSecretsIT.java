package io.backline.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged application, started as production starts it, refuses to run without strong secrets of its own and
 * says which variable to fix. It stops before it touches the database, so none is needed here; each case leaves out
 * or weakens one secret of an otherwise complete production environment.
 */
class ProductionSecretsIT {
    private static final String STRONG = "a".repeat(24) + "-production-secret";
    private static final Map<String, String> PRODUCTION = Map.ofEntries(
            Map.entry("BACKLINE_DB_URL", "jdbc:postgresql://127.0.0.1:1/backline"),
            Map.entry("BACKLINE_DB_PASSWORD", "db-" + STRONG),
            Map.entry("BACKLINE_DB_OWNER_PASSWORD", "owner-" + STRONG),
            Map.entry("BACKLINE_KEYCLOAK_URL", "http://127.0.0.1:1"),
            Map.entry("BACKLINE_OIDC_CLIENT_SECRET", "oidc-" + STRONG),
            Map.entry("BACKLINE_KEYCLOAK_ADMIN_SECRET", "admin-" + STRONG),
            Map.entry("BACKLINE_SESSION_SECRET", "session-" + STRONG),
            Map.entry("BACKLINE_STATE_SECRET", "state-" + STRONG),
            Map.entry("BACKLINE_LINK_SECRET", "link-" + STRONG),
            Map.entry("BACKLINE_UNSUBSCRIBE_SECRET", "unsubscribe-" + STRONG),
            Map.entry("BACKLINE_SMTP_HOST", "127.0.0.1"),
            Map.entry("BACKLINE_BASE_URL", "https://backline.example.org"));

    @Test
    void aMissingSecretStopsTheStartNamingItsVariable() throws Exception {
        for (String secret : new String[] { "BACKLINE_SESSION_SECRET", "BACKLINE_STATE_SECRET",
                "BACKLINE_OIDC_CLIENT_SECRET", "BACKLINE_KEYCLOAK_ADMIN_SECRET", "BACKLINE_DB_PASSWORD", "BACKLINE_UNSUBSCRIBE_SECRET" }) {
            Map<String, String> environment = new HashMap<>(PRODUCTION);
            environment.remove(secret);
            assertRefused(environment, "Could not expand value " + secret);
        }
    }

    @Test
    void aShortSecretStopsTheStart() throws Exception {
        assertRefused(with("BACKLINE_SESSION_SECRET", "only-twenty-one-bytes"),
                "BACKLINE_SESSION_SECRET must be at least 32 bytes long");
        assertRefused(with("BACKLINE_OIDC_CLIENT_SECRET", "backline-web-dev-secret"),
                "BACKLINE_OIDC_CLIENT_SECRET must be at least 32 bytes long");
    }

    @Test
    void onlyTheMigrationStepNeedsTheOwnersPassword() throws Exception {
        Map<String, String> migrating = new HashMap<>(PRODUCTION);
        migrating.remove("BACKLINE_DB_OWNER_PASSWORD");
        assertRefused(migrating, "BACKLINE_DB_OWNER_PASSWORD must be at least 32 bytes long");

        // An instance (Flyway inactive) without it passes that check: a short session secret is all it is refused for.
        Map<String, String> instance = new HashMap<>(migrating);
        instance.put("QUARKUS_FLYWAY_ACTIVE", "false");
        instance.put("BACKLINE_SESSION_SECRET", "only-twenty-one-bytes");
        String output = refusedWith(instance);
        assertTrue(output.contains("BACKLINE_SESSION_SECRET must be at least 32 bytes long"), output);
        assertFalse(output.contains("BACKLINE_DB_OWNER_PASSWORD") || output.contains("database-owner"), output);
    }

    @Test
    void theStateCookieCannotShareTheSessionCookiesKey() throws Exception {
        assertRefused(with("BACKLINE_STATE_SECRET", PRODUCTION.get("BACKLINE_SESSION_SECRET")),
                "BACKLINE_STATE_SECRET must differ from BACKLINE_SESSION_SECRET");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> environment = new HashMap<>(PRODUCTION);
        environment.put(name, value);
        return environment;
    }

    private static void assertRefused(Map<String, String> environment, String sentence) throws Exception {
        String output = refusedWith(environment);
        assertTrue(output.contains(sentence), () -> "expected \"" + sentence + "\" in:\n" + output);
    }

    /** Starts the jar with only this environment and returns what it printed before it stopped. */
    private static String refusedWith(Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("backline-start", ".log");
        ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("backline.jar")).redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().clear();
        start.environment().putAll(environment);
        Process app = start.start();
        try {
            assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the application did not stop by itself");
            assertNotEquals(0, app.exitValue());
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            app.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
