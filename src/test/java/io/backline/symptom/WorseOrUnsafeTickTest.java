package io.backline.symptom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The check-off's "something got worse, or it felt unsafe" tick is a report in itself: a client who walks away from
 * the follow-up form has still reported, on the page and through the API. The follow-up adds detail to that flag.
 */
@QuarkusTest
class WorseOrUnsafeTickTest {
    private static final String CLIENT = "rose-client4"; // Casey Dubois, on rose-trainer2's care team
    private static final String TRAINER = "rose-trainer2";
    /** The clinic's today, read when used: a suite that runs past midnight must not keep the day the class loaded. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }
    private static final UUID CLIENT_ID = Demo.clientId(CLIENT);

    @BeforeEach
    void freshProgram() {
        TestData.endOpenAssignments(CLIENT_ID);
        String page = "/clients/" + CLIENT_ID;
        SignIn.as(TRAINER).submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today().minusDays(20).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);
    }

    private static Map<String, Object> checkOff(LocalDate day) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("performedOn", day.toString());
        fields.put("hold", List.of("60", "40", "20"));
        fields.put("discomfort", "2");
        fields.put("feeling", "HARD");
        fields.put("note", "");
        fields.put("worseOrUnsafe", "on");
        return fields;
    }

    private static String tickFlag(String sessionId) {
        return TestData.string("select id::text from symptom_flag where session_id = ?::uuid and source = 'CHECK_OFF'",
                sessionId);
    }

    private static String assignmentStatus() {
        return TestData.string("select status from assignment where client_id = ?::uuid and status <> 'ENDED'",
                CLIENT_ID.toString());
    }

    private static String assignmentId() {
        return TestData.string("select id::text from assignment where client_id = ?::uuid and status <> 'ENDED'",
                CLIENT_ID.toString());
    }

    @Test
    void aTickWithoutTheFollowUpIsARedFlagThatPausesTheProgramAndAlertsTheTrainerAtOnce() {
        var client = SignIn.as(CLIENT);
        String location = client.submit("/today", "/today/sessions", checkOff(today().minusDays(1))).then()
                .statusCode(303).extract().header("Location");
        assertTrue(location.contains("/today/flags/new?session="), location);
        String session = location.substring(location.indexOf("session=") + "session=".length());
        // The client closes the follow-up page here: what they ticked is already a report.
        String flag = tickFlag(session);
        assertEquals("RED", TestData.string("select level from symptom_flag where id = ?::uuid", flag));
        assertEquals("PAUSED", assignmentStatus());
        var trainer = SignIn.as(TRAINER);
        trainer.request().get("/flags").then().body(containsString("Casey Dubois"));
        trainer.request().get("/flags/" + flag).then().statusCode(200)
                .body(containsString("has not described it yet"));
        List<String> mails = MailServer.awaitMessagesContaining(flag, 1, Duration.ofSeconds(20));
        assertTrue(mails.get(0).contains("To: rose-trainer2@rosecitymovement.example"), mails.get(0));
        assertTrue(!mails.get(0).toLowerCase().contains("worse"), "no health details in the email");
        client.request().get("/today").then().body(containsString("data-testid=\"paused\""),
                containsString("503-555-0142"));
        client.request().get(location).then().body(containsString("your trainer has already been told"));
        // The report page offers to tell more, linking back to the follow-up form for that session.
        client.request().get("/today/flags/" + flag).then().statusCode(200)
                .body(containsString("href=\"/today/flags/new?session=" + session + "\""),
                        containsString("href=\"/today\""), containsString("href=\"/today/flags\""));
        SignIn.as(TRAINER).request().get("/clients/" + CLIENT_ID + "/safety").then().statusCode(200)
                .body(containsString("href=\"/clients/" + CLIENT_ID + "\""),
                        containsString("href=\"/clients/" + CLIENT_ID + "/safety/screening\""));
        // Another clinic's staff and the trainer off the care team see nothing of it.
        SignIn.as("rose-trainer").request().get("/flags/" + flag).then().statusCode(404);
        SignIn.as("cedar-admin").request().get("/flags/" + flag).then().statusCode(404);
    }

    @Test
    void theFollowUpAddsDetailToTheTickedFlagAndMayRaiseItButNeverBelowRed() {
        var client = SignIn.as(CLIENT);
        String location = client.submit("/today", "/today/sessions", checkOff(today())).then().statusCode(303)
                .extract().header("Location");
        String session = location.substring(location.indexOf("session=") + "session=".length());
        String flag = tickFlag(session);
        MailServer.awaitMessagesContaining(flag, 1, Duration.ofSeconds(20)); // the tick's own alert went out

        Map<String, Object> mild = new HashMap<>(Map.of("type", "OTHER", "severity", "1", "region", "MIDDLE_THORACIC",
                "when", "DURING", "description", "Felt a bit odd"));
        client.submit(location.replace("http://localhost:8081", ""), "/today/flags", mild).then().statusCode(303)
                .header("Location", containsString("/today/flags/" + flag));
        assertEquals("RED", TestData.string("select level from symptom_flag where id = ?::uuid", flag),
                "a mild detail never lowers the tick below red");
        assertEquals(1, TestData.count("select count(*) from symptom_flag where session_id = ?::uuid", session));

        Map<String, Object> worse = new HashMap<>(Map.of("type", "INCREASED_PAIN", "severity", "6",
                "region", "MIDDLE_THORACIC", "when", "DURING", "description", ""));
        worse.put("sign", List.of("CHEST_PAIN_OR_BREATHING"));
        client.submit(location.replace("http://localhost:8081", ""), "/today/flags", worse).then().statusCode(303);
        assertEquals("EMERGENCY", TestData.string("select level from symptom_flag where id = ?::uuid", flag));
        assertEquals(1, TestData.count("select count(*) from symptom_flag where session_id = ?::uuid", session));
        client.request().get("/today/flags/" + flag).then().body(containsString("Call 911. Don't drive yourself."),
                containsString("503-555-0142"));
        // The rise to emergency alerts the care team again, urgently.
        assertEquals(2, MailServer.awaitMessagesContaining(flag, 2, Duration.ofSeconds(20)).size());
        SignIn.as(TRAINER).request().get("/flags/" + flag).then()
                .body(containsString("Raised from red to emergency"), containsString("Chest pain or pressure"));
    }

    @Test
    void theSameTickedCheckOffSentTwiceSavesOneSessionAndOneFlag() {
        var client = SignIn.as(CLIENT);
        Map<String, String> hidden = client.hiddenFields("/today", "/today/sessions");
        client.resubmit("/today", "/today/sessions", checkOff(today().minusDays(2)), hidden).then().statusCode(303);
        client.resubmit("/today", "/today/sessions", checkOff(today().minusDays(2)), hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from session_log where assignment_id = ?::uuid", assignmentId()));
        assertEquals(1, TestData.count("""
                select count(*) from symptom_flag f join session_log s on s.id = f.session_id
                where s.assignment_id = ?::uuid and f.source = 'CHECK_OFF'""", assignmentId()));
    }

    @Test
    void aTickThroughTheApiIsARedFlagThatPausesTheProgramAndAlertsTheTrainer() {
        String token = Tokens.accessToken(CLIENT);
        String assignment = assignmentId();
        String session = given().auth().oauth2(token).contentType("application/json").body("""
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":3,"feeling":"HARD","worseOrUnsafe":true,
                 "idempotencyKey":"%s"}""".formatted(today().minusDays(3), UUID.randomUUID()))
                .post("/api/v1/assignments/" + assignment + "/sessions").then().statusCode(201)
                .body("worseOrUnsafe", equalTo(true)).extract().path("id");
        String flag = tickFlag(session);
        assertEquals("RED", TestData.string("select level from symptom_flag where id = ?::uuid", flag));
        assertEquals("PAUSED", assignmentStatus());
        SignIn.as(TRAINER).request().get("/flags").then().body(containsString("Casey Dubois"));
        MailServer.awaitMessagesContaining(flag, 1, Duration.ofSeconds(20));

        // The app's follow-up adds detail to that flag, as the page does.
        given().auth().oauth2(token).contentType("application/json").body("""
                {"type":"NUMBNESS_OR_TINGLING","severity":2,"region":"UPPER_THORACIC","when":"DURING",
                 "signs":["LOSS_OF_BALANCE"],"sessionId":"%s","requestKey":"%s"}""".formatted(session, UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(201).body("id", equalTo(flag)).body("level", equalTo("RED"))
                .body("programPaused", equalTo(true));

        // Another client who guesses the session's id adds nothing to that flag: theirs is a report of their own.
        String other = given().auth().oauth2(Tokens.accessToken("rose-client5")).contentType("application/json").body("""
                {"type":"OTHER","severity":1,"region":"UPPER_THORACIC","when":"DURING","sessionId":"%s","requestKey":"%s"}"""
                .formatted(session, UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(201).extract().path("id");
        assertTrue(!other.equals(flag), "a new flag, not the other client's");
        assertEquals(null, TestData.string("select session_id::text from symptom_flag where id = ?::uuid", other));
        assertEquals("NUMBNESS_OR_TINGLING", TestData.string("select type from symptom_flag where id = ?::uuid", flag));
    }
}
