package io.backline.symptom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The open-flag badge on every staff page: a trainer counts the flags of their care teams, an admin the whole
 * clinic's (never another clinic's), and a new flag shows on the next page.
 */
@QuarkusTest
class FlagBadgeTest {

    @Test
    void aTrainerCountsTheirCareTeamsOpenFlagsAndAnAdminTheClinics() {
        var trainer = SignIn.as("cedar-trainer2");
        var admin = SignIn.as("cedar-admin");
        long trainerBefore = badge(trainer);
        long adminBefore = badge(admin);

        UUID mine = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Badge Client Mine");
        UUID notMine = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Badge Client Other");
        flag(mine, "AMBER", "OPEN");
        flag(mine, "RED", "ACKNOWLEDGED");
        flag(mine, "GREEN", "OPEN"); // green needs no follow-up: not counted
        flag(mine, "AMBER", "RESOLVED");
        flag(notMine, "RED", "OPEN");
        // Another clinic's flag, on a client of a trainer of that clinic: in no badge here.
        flag("rose-city", TestData.clientOnCareTeam("rose-city", "rose-trainer", "Badge Client Elsewhere"), "RED", "OPEN");

        // Written behind the app's back: the badges count afresh when the change's notice arrives (docs/adr/0054).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(trainerBefore + 2, badge(trainer), "the trainer's badge: two open flags on their care team");
            assertEquals(adminBefore + 3, badge(admin), "the admin's badge: every open flag of the clinic");
        });
        // The same figure in the page header as in the polled JSON.
        var html = org.jsoup.Jsoup.parse(trainer.request().get("/flags").asString());
        assertEquals(String.valueOf(trainerBefore + 2), html.selectFirst("[data-flag-badge]").text());
    }

    private static long badge(SignIn.Session staff) {
        return staff.request().get("/flags/count").then().statusCode(200).extract().jsonPath().getLong("open");
    }

    private static void flag(UUID client, String level, String status) {
        flag("cedar-hills", client, level, status);
    }

    private static void flag(String clinicId, UUID client, String level, String status) {
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), ?, ?::uuid, 'INCREASED_PAIN', 5, 'MIDDLE_THORACIC', 'DURING', ?, 'test', ?, ?::uuid,
                    gen_random_uuid())""", clinicId, client.toString(), level, status, Demo.staffId("cedar-trainer2").toString());
    }
}
