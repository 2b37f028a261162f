package io.backline.symptom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Reporting, the decision on the page, pausing, the trainer's actions, and alert emails that are never lost. */
@QuarkusTest
class SymptomFlagsTest {

    @Inject
    FlagEscalation escalation;

    private static Map<String, Object> symptom(String type, int severity, String region) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", type);
        fields.put("severity", String.valueOf(severity));
        fields.put("region", region);
        fields.put("when", "DURING");
        fields.put("description", "");
        return fields;
    }

    /** A new client of rose-trainer with an active program. */
    private static UUID clientWithProgram(String name) {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", name);
        String page = "/clients/" + client;
        SignIn.as("rose-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", LocalDate.now().minusDays(7).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);
        return client;
    }

    private static String record(SignIn.Session trainer, UUID client, Map<String, Object> fields) {
        String page = "/flags/record/" + client;
        String location = trainer.submit(page, page, fields).then().statusCode(303).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String status(UUID client) {
        return TestData.string("select status from assignment where client_id = ?::uuid and status <> 'ENDED'", client.toString());
    }

    @Test
    void numbnessIsRedPausesTheProgramExplainsWhyAndAlertsTheTrainerOnce() {
        UUID client = clientWithProgram("Numb Tester");
        var trainer = SignIn.as("rose-trainer");
        String flag = record(trainer, client, symptom("NUMBNESS_OR_TINGLING", 3, "UPPER_THORACIC"));
        assertEquals("PAUSED", status(client));
        trainer.request().get("/flags/" + flag).then().statusCode(200)
                .body(containsString("red"), containsString("numbness or tingling"), containsString("Physician"));
        // The queue's row and the client page's history both show the flag and link to it.
        trainer.request().get("/flags").then().body(containsString("Numb Tester"),
                containsString("<tr class=\"level-RED\">"), containsString("href=\"/flags/" + flag + "\""),
                containsString("Numbness or tingling, 3/10"));
        trainer.request().get("/clients/" + client).then().statusCode(200).body(
                containsString("href=\"/flags/" + flag + "\""), containsString("badge level-RED\">red</span>"),
                containsString("Numbness or tingling, 3/10"));
        // Off the care team, or in another clinic: the flag is not there.
        SignIn.as("rose-trainer2").request().get("/flags/" + flag).then().statusCode(404);
        SignIn.as("rose-trainer2").request().get("/flags").then().body(not(containsString("Numb Tester")));
        SignIn.as("cedar-admin").request().get("/flags/" + flag).then().statusCode(404);
        String mail = MailServer.exactlyOne(flag, Duration.ofSeconds(3));
        assertTrue(mail.contains("rose-trainer@rosecitymovement.example"), mail);
        assertTrue(!mail.toLowerCase().contains("numb"), "no health details in the email: " + mail);
    }

    @Test
    void chestPainIsAnEmergencyAndTheClientIsToldToCall911First() {
        var client = SignIn.as("rose-client2");
        TestData.endOpenAssignments(Demo.clientId("rose-client2"));
        String location = client.submit("/today/flags/new", "/today/flags",
                symptom("CHEST_PAIN_OR_BREATHING", 5, "UPPER_THORACIC")).then().statusCode(303).extract().header("Location");
        client.request().get(location).then().statusCode(200).body(containsString("Call 911 now"));
        // Another client of the same clinic cannot open it.
        SignIn.as("rose-client3").request().get(location).then().statusCode(404);
        SignIn.as("cedar-trainer").request().get("/flags/" + location.substring(location.lastIndexOf('/') + 1))
                .then().statusCode(404);
    }

    @Test
    void moderatePainIsAmberTheProgramGoesOnAndThreeAmbersInAWeekMakeARed() {
        UUID client = clientWithProgram("Amber Tester");
        var trainer = SignIn.as("rose-trainer");
        String first = record(trainer, client, symptom("INCREASED_PAIN", 5, "MIDDLE_THORACIC"));
        assertEquals("AMBER", TestData.string("select level from symptom_flag where id = ?::uuid", first));
        assertEquals("ACTIVE", status(client));
        record(trainer, client, symptom("INCREASED_PAIN", 4, "MIDDLE_THORACIC"));
        String third = record(trainer, client, symptom("INCREASED_PAIN", 6, "MIDDLE_THORACIC"));
        assertEquals("RED", TestData.string("select level from symptom_flag where id = ?::uuid", third));
        assertEquals("PAUSED", status(client));
    }

    @Test
    void ambersForOneTrainerWithinTheBatchWindowArriveAsOneEmail() {
        UUID client = clientWithProgram("Batch Tester");
        var trainer = SignIn.as("rose-trainer");
        // Start from no amber batch waiting for this trainer (earlier tests may have left one about to go out).
        TestData.sql("update alert_outbox set sent_at = now() where recipient_email = 'rose-trainer@rosecitymovement.example' "
                + "and urgency = 'NORMAL' and sent_at is null");
        String first = record(trainer, client, symptom("INCREASED_PAIN", 4, "MIDDLE_THORACIC"));
        String second = record(trainer, client, symptom("PAIN_SPREADING", 2, "MIDDLE_THORACIC"));
        String mail = MailServer.exactlyOne(first, Duration.ofSeconds(3));
        assertTrue(mail.contains(second), "both ambers in one email: " + mail);
        assertTrue(mail.contains("symptom reports to review"), mail);
    }

    @Test
    void aRedFlagCannotBeResolvedBeforeItIsAcknowledgedAndTheProgramResumesOnlyAfterARecordedClearance() {
        UUID client = clientWithProgram("Resolve Tester");
        var trainer = SignIn.as("rose-trainer");
        String flag = record(trainer, client, symptom("DIZZINESS", 2, "UPPER_THORACIC"));
        String page = "/flags/" + flag;
        trainer.submit(page, page + "/resolve", Map.of("note", "fine")).then().statusCode(409)
                .body(containsString("Acknowledge this flag before you resolve it"));
        trainer.submit(page, page + "/resume", Map.of("reason", "ok")).then().statusCode(409);
        assertEquals("OPEN", TestData.string("select status from symptom_flag where id = ?::uuid", flag));
        trainer.submit(page, page + "/acknowledge", Map.of("note", "Called the client")).then().statusCode(303);
        // Acknowledged, with a reason, but nobody has cleared the client: refused, with the reason, and still paused.
        trainer.submit(page, page + "/resume", Map.of("reason", "Client says it is fine")).then().statusCode(409)
                .body(containsString("Record a clearance first"), containsString("red or emergency flag was reported"));
        assertEquals("PAUSED", status(client));
        // The generic resume on the client's page obeys the same rule.
        String assignment = TestData.string("select id::text from assignment where client_id = ?::uuid and status = 'PAUSED'",
                client.toString());
        String clientPage = "/clients/" + client;
        trainer.submit(clientPage, clientPage + "/assignments/" + assignment + "/resume", Map.of("reason", "try"))
                .then().statusCode(409).body(containsString("Record a clearance first"));
        assertEquals("PAUSED", status(client));

        String safety = "/clients/" + client + "/safety";
        trainer.submit(safety, safety + "/clearances", Map.of("professionalName", "Dr. Lena Ortiz",
                "professionalRole", "PHYSICIAN", "clearedOn", LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).toString(),
                "note", "Examined; inner-ear cause ruled out, fine to roll")).then().statusCode(303);
        trainer.submit(page, page + "/resume", Map.of("reason", "")).then().statusCode(303);
        assertEquals("ACTIVE", status(client));
        trainer.submit(page, page + "/resolve", Map.of("note", "Seen by a physician")).then().statusCode(303);
        trainer.request().get(page).then().body(containsString("Called the client"),
                containsString("Cleared by a health professional"), containsString("resolved"));
        trainer.request().get(safety).then().body(containsString("Dr. Lena Ortiz"), containsString("inner-ear cause"));
    }

    @Test
    void anEmergencyPointsToTheEmergencyDepartmentNotARoutineReferral() {
        UUID client = clientWithProgram("Emergency Tester");
        var trainer = SignIn.as("rose-trainer");
        Map<String, Object> fields = symptom("INCREASED_PAIN", 3, "MIDDLE_THORACIC");
        fields.put("sign", List.of("SHOULDER_BLADE_PAIN_WITH_SWEATING"));
        String flag = record(trainer, client, fields);
        assertEquals("EMERGENCY", TestData.string("select level from symptom_flag where id = ?::uuid", flag));
        trainer.request().get("/flags/" + flag).then().statusCode(200)
                .body(containsString("emergency department"), not(containsString("/flags/" + flag + "/refer\"")));
        trainer.submit("/flags/" + flag, "/flags/" + flag + "/acknowledge", Map.of()).then().statusCode(303);
        trainer.resubmit("/flags/" + flag, "/flags/" + flag + "/refer", Map.of(),
                trainer.hiddenFields("/flags/" + flag, "/flags/" + flag + "/note")).then().statusCode(409)
                .body(containsString("not a routine referral"));
        assertEquals(0, TestData.count("select count(*) from referral_draft where flag_id = ?::uuid", flag));
    }

    @Test
    void referringOpensADraftWithThePhysicianSuggestedForNumbness() {
        UUID client = clientWithProgram("Refer Tester");
        var trainer = SignIn.as("rose-trainer");
        String flag = record(trainer, client, symptom("NUMBNESS_OR_TINGLING", 4, "SHOULDER_OR_ARM"));
        String draft = trainer.submit("/flags/" + flag, "/flags/" + flag + "/refer", Map.of()).then().statusCode(303)
                .extract().header("Location");
        trainer.request().get(draft).then().statusCode(200).body(containsString("Physician"));
    }

    @Test
    void referringIncreasedPainOpensADraftWithAChiropractorOrPhysicalTherapistSuggested() {
        UUID client = clientWithProgram("Pain Refer Tester");
        var trainer = SignIn.as("rose-trainer");
        String flag = record(trainer, client, symptom("INCREASED_PAIN", 4, "MIDDLE_THORACIC"));
        String draft = trainer.submit("/flags/" + flag, "/flags/" + flag + "/refer", Map.of()).then().statusCode(303)
                .extract().header("Location");
        trainer.request().get(draft).then().statusCode(200).body(containsString("Chiropractor or physical therapist"));
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() {
        UUID client = clientWithProgram("Bad Input Tester");
        var trainer = SignIn.as("rose-trainer");
        Map<String, Object> bad = symptom("NOT_A_TYPE", 11, "UPPER_THORACIC");
        bad.put("description", "<b>bold</b>" + "x".repeat(10_000));
        String page = "/flags/record/" + client;
        trainer.submit(page, page, bad).then().statusCode(400)
                .body(containsString("Choose what happened"), containsString("from 0 (none) to 10"),
                        containsString("at most 2000 characters"), containsString("&lt;b&gt;bold"),
                        not(containsString("<b>bold</b>")));
        assertEquals(0, TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", client.toString()));
    }

    @Test
    void anSmtpOutageDelaysTheAlertButLosesNothingAndSendsItOnce() {
        UUID client = clientWithProgram("Outage Tester");
        var trainer = SignIn.as("rose-trainer");
        MailServer.stopSmtp();
        String flag;
        try {
            flag = record(trainer, client, symptom("FELT_UNSAFE", 2, "UPPER_THORACIC"));
            String id = flag;
            // The sender tries, fails and schedules a retry: the alert waits in the outbox.
            await().atMost(Duration.ofSeconds(20)).until(() -> TestData.count(
                    "select count(*) from alert_outbox where flag_id = ?::uuid and sent_at is null and attempts > 0", id) >= 1);
        } finally {
            MailServer.startSmtp();
        }
        MailServer.exactlyOne(flag, Duration.ofSeconds(3));
        assertEquals(1, TestData.count("select count(*) from symptom_flag where id = ?::uuid", flag));
    }

    @Test
    void anUnacknowledgedRedFlagEscalatesToTheClinicAdmin() {
        UUID client = clientWithProgram("Escalation Tester");
        String flag = record(SignIn.as("rose-trainer"), client, symptom("DIZZINESS", 3, "UPPER_THORACIC"));
        TestData.sql("update symptom_flag set reported_at = now() - interval '2 days' where id = ?::uuid", flag);
        escalation.escalateOverdue();
        MailServer.exactlyOne("Escalated", Duration.ofSeconds(3), flag, "To: rose-admin@rosecitymovement.example");
    }
}
