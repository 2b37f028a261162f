package io.backline.clinic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The menu's counts are kept between requests (docs/adr/0054) and forgotten the moment something they count changes:
 * through this app at once (RedFlagJourneyTest, MessagesTest), behind its back within moments of the change's notice.
 */
@QuarkusTest
class BadgeCacheTest {
    @Inject
    BadgeCache cache;

    @Test
    void aKeptCountStaysUntilAChangeOfItsClinicIsAnnounced() throws SQLException {
        var trainer = SignIn.as("cedar-trainer2");
        UUID client = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Kept Count Client");
        noticesHeard(); // the new care team's own notice, which would empty the copy at any moment otherwise
        long before = openFlags(trainer);
        assertEquals(before, openFlags(trainer));

        // A flag written with triggers off, so no notice goes out (only a superuser can): the kept count stands, which
        // shows the badge did not count again.
        try (Connection superuser = superuser(); Statement quiet = superuser.createStatement()) {
            quiet.execute("set session_replication_role = replica");
            flag(superuser, client);
        }
        assertEquals(before, openFlags(trainer), "the badge was counted again: nothing is kept");

        // Any announced change of the clinic's flags makes every member's badge count afresh.
        announcedFlag("cedar-hills", client, "cedar-trainer2");
        await().atMost(Duration.ofSeconds(10)).until(() -> openFlags(trainer) == before + 2);
    }

    @Test
    void anotherClinicsChangeLeavesTheCountKeptButItsOwnArrives() {
        var rose = SignIn.as("rose-trainer");
        var cedar = SignIn.as("cedar-trainer2");
        long roseBefore = openFlags(rose);
        long cedarBefore = openFlags(cedar);
        UUID roseClient = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Notice Client Rose");

        announcedFlag("rose-city", roseClient, "rose-trainer");

        await().atMost(Duration.ofSeconds(10)).until(() -> openFlags(rose) == roseBefore + 1);
        assertEquals(cedarBefore, openFlags(cedar), "another clinic's flag in this clinic's badge");
    }

    private static void announcedFlag(String clinicId, UUID client, String trainer) {
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), ?, ?::uuid, 'INCREASED_PAIN', 7, 'MIDDLE_THORACIC', 'DURING', 'RED', 'test',
                    'OPEN', ?::uuid, gen_random_uuid())""", clinicId, client.toString(), Demo.staffId(trainer).toString());
    }

    /** Waits until every notice sent so far was heard: they arrive in the order their changes committed. */
    private void noticesHeard() {
        String token = "heard-" + UUID.randomUUID();
        long before = cache.changesSoFar(token);
        TestData.count("select count(*) from (select pg_notify('backline_badges', ?)) sent", token);
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.changesSoFar(token) != before);
    }

    private static long openFlags(SignIn.Session staff) {
        return staff.request().get("/flags/count").then().statusCode(200).extract().jsonPath().getLong("open");
    }

    private static Connection superuser() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static void flag(Connection connection, UUID client) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), 'cedar-hills', ?, 'INCREASED_PAIN', 5, 'MIDDLE_THORACIC', 'DURING', 'RED',
                    'written unannounced', 'OPEN', ?, gen_random_uuid())""")) {
            insert.setObject(1, client);
            insert.setObject(2, Demo.staffId("cedar-trainer2"));
            insert.executeUpdate();
        }
    }
}
