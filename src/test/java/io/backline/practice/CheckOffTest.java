package io.backline.practice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** rose-client3 checks off sessions; rose-trainer (their lead trainer) assigns the program fresh for each test. */
@QuarkusTest
class CheckOffTest {
    private static final UUID CLIENT = Demo.clientId("rose-client3");
    /** The clinic's today, read when used: a suite that runs past midnight must not keep the day the class loaded. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }
    private String assignmentId;

    @BeforeEach
    void assignAFreshProgram() {
        TestData.endOpenAssignments(CLIENT);
        TestData.sql("delete from session_log where client_id = ?::uuid", CLIENT.toString());
        String page = "/clients/" + CLIENT;
        SignIn.as("rose-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today().minusDays(10).toString(), "endDate",
                today().plusWeeks(4).toString(), "notes", "")).then().statusCode(303);
        assignmentId = TestData.string("select id::text from assignment where client_id = ?::uuid and status = 'ACTIVE'",
                CLIENT.toString());
    }

    private static Map<String, Object> session(LocalDate day) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("performedOn", day.toString());
        fields.put("hold", List.of("60", "45", "30"));
        fields.put("discomfort", "3");
        fields.put("feeling", "INTENSE");
        fields.put("note", "Tight at the top");
        return fields;
    }

    private long sessions() {
        return TestData.count("select count(*) from session_log where assignment_id = ?::uuid", assignmentId);
    }

    @Test
    void clientSeesTheProgramAndTheSafetyRuleOnToday() {
        SignIn.as("rose-client3").request().get("/today").then().statusCode(200)
                .body(containsString("Hold <strong>1 min</strong> at each of <strong>3</strong>"),
                        containsString("data-testid=\"safety-rule\""), containsString("start-position.svg"),
                        containsString("Upper thoracic"), containsString("data-hold-timer"));
    }

    @Test
    void aChangedPrescriptionShowsOnTodayAtOnceThoughTheProgramsSectionsAreKept() {
        var client = SignIn.as("rose-client3");
        client.request().get("/today").then().statusCode(200)
                .body(containsString("data-hold-seconds=\"60\""), containsString("hold2"));
        String page = "/clients/" + CLIENT;
        SignIn.as("rose-trainer").submit(page, page + "/assignments/" + assignmentId + "/prescription",
                Map.of("holdSeconds", "45", "levels", "2", "sessionsPerWeek", "3", "startDate",
                        today().minusDays(10).toString(), "endDate", today().plusWeeks(4).toString(), "notes", ""))
                .then().statusCode(303);
        // The timer and the list of levels follow the new prescription; the form asks for two holds, not three.
        String today = client.request().get("/today").then().statusCode(200).extract().asString();
        assertTrue(today.contains("data-hold-seconds=\"45\""), today);
        assertEquals(2, today.split("<li><strong>", -1).length - 1, "levels listed");
        assertFalse(today.contains("name=\"hold\" data-hold-level=\"2\""), today);
        // The same version in Spanish is kept apart from the English one.
        client.request().header("Accept-Language", "es").get("/today").then().statusCode(200)
                .body(containsString("Dorsal alta"), containsString("data-hold-seconds=\"45\""));
    }

    @Test
    void thePrintableSheetCarriesThe911LineTheHoldGuidanceAndWhenToSeeAProfessional() {
        SignIn.as("rose-client3").request().get("/today/print").then().statusCode(200)
                .body(containsString("Call 911. Don't drive yourself."),
                        containsString("A hold can be as short as 30 seconds"),
                        containsString("When to see a health professional"), containsString("503-555-0142"),
                        containsString("The clinic answers within 4 hours"));
    }

    @Test
    void theFormLeavesHoldsAndDiscomfortForTheClient() {
        String html = SignIn.as("rose-client3").request().get("/today").asString();
        var form = org.jsoup.Jsoup.parse(html).selectFirst("#check-off");
        form.select("input[name=hold]").forEach(hold -> assertEquals("", hold.val(), "no prescription prefilled"));
        assertEquals(null, form.selectFirst("#discomfort option[selected]"), "discomfort is chosen, never assumed");
        Map<String, Object> noDiscomfort = session(today().minusDays(1));
        noDiscomfort.put("discomfort", "");
        SignIn.as("rose-client3").submit("/today", "/today/sessions", noDiscomfort).then().statusCode(400)
                .body(containsString("Choose a discomfort level from 0 to 10"), containsString("Tight at the top"));
        assertEquals(0, sessions());
    }

    @Test
    void aCheckOffIsSavedAndTheSameFormTwiceSavesOnce() {
        var client = SignIn.as("rose-client3");
        Map<String, String> hidden = client.hiddenFields("/today", "/today/sessions");
        client.resubmit("/today", "/today/sessions", session(today().minusDays(1)), hidden).then().statusCode(303);
        client.resubmit("/today", "/today/sessions", session(today().minusDays(1)), hidden).then().statusCode(303);
        assertEquals(1, sessions());
        assertEquals("{60,45,30}", TestData.string("select hold_seconds::text from session_log where assignment_id = ?::uuid",
                assignmentId));
    }

    @Test
    void aFutureDayIsRefusedWithAClearMessage() {
        SignIn.as("rose-client3").submit("/today", "/today/sessions", session(today().plusDays(1))).then().statusCode(409)
                .body(containsString("That date is in the future"));
        assertEquals(0, sessions());
    }

    @Test
    void aPausedProgramRefusesCheckOffsAndSaysSo() {
        var client = SignIn.as("rose-client3");
        // The form was open in a tab when the trainer paused the program.
        Map<String, String> openForm = client.hiddenFields("/today", "/today/sessions");
        TestData.setStatus(CLIENT, "PAUSED");
        client.request().get("/today").then().body(containsString("Your program is paused"));
        client.resubmit("/today", "/today/sessions", session(today()), openForm).then().statusCode(409)
                .body(containsString("Your program is paused"));
        assertEquals(0, sessions());
    }

    @Test
    void badInputIsExplainedAndWhatWasTypedIsKept() {
        Map<String, Object> fields = session(today());
        fields.put("hold", List.of("60", "-5", "99999"));
        fields.put("discomfort", "11");
        fields.put("note", "<script>alert('x')</script>");
        SignIn.as("rose-client3").submit("/today", "/today/sessions", fields).then().statusCode(400)
                .body(containsString("from 0 to 1800"), containsString("from 0 to 10"), containsString("value=\"99999\""),
                        containsString("&lt;script&gt;"),
                        // The refused levels point at their messages, the accepted one does not; the feeling stays chosen.
                        containsString("aria-describedby=\"hold1-error\""), containsString("aria-describedby=\"hold2-error\""),
                        not(containsString("aria-describedby=\"hold0-error\"")), containsString("value=\"INTENSE\" checked"));
        assertEquals(0, sessions());
    }

    @Test
    void todaysSessionCanBeCorrectedTheSameDay() {
        var client = SignIn.as("rose-client3");
        client.submit("/today", "/today/sessions", session(today())).then().statusCode(303);
        Map<String, Object> corrected = session(today());
        corrected.put("discomfort", "1");
        client.submit("/today", "/today/sessions", corrected).then().statusCode(303);
        assertEquals(1, sessions());
        assertEquals("1", TestData.string("select discomfort::text from session_log where assignment_id = ?::uuid", assignmentId));
    }

    @Test
    void theApiListsTheClientsAssignmentAndChecksOffOnce() {
        String token = Tokens.accessToken("rose-client3");
        given().auth().oauth2(token).get("/api/v1/assignments").then().statusCode(200)
                .body("[0].id", equalTo(assignmentId)).body("[0].prescription.holdSeconds", equalTo(60))
                .body("[0].prescription.levelNames[0]", equalTo("Upper thoracic"));
        String body = """
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":2,"feeling":"GOOD","idempotencyKey":"%s"}"""
                .formatted(today().minusDays(2), UUID.randomUUID());
        given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(201)
                .body("discomfort", equalTo(2));
        given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(200);
        assertEquals(1, sessions());
        assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and detail = ?",
                CLIENT.toString(), today().minusDays(2) + " (API)"));
        given().auth().oauth2(token).contentType("application/json").body("{\"performedOn\":\"2026-01-01\"}")
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(400)
                .body("field", equalTo("idempotencyKey")).body("title", containsString("The form expired"));
    }

    @Test
    void anotherClientsAssignmentIsNotThere() {
        given().auth().oauth2(Tokens.accessToken("rose-client2")).contentType("application/json")
                .body("{\"performedOn\":\"%s\",\"holdSeconds\":[60,60,60],\"discomfort\":2,\"feeling\":\"GOOD\",\"idempotencyKey\":\"%s\"}"
                        .formatted(today(), UUID.randomUUID()))
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("cedar-client1")).get("/api/v1/assignments").then().statusCode(200)
                .body("size()", equalTo(0));
        assertEquals(0, sessions());
    }

    @Test
    void anOversizedApiBodyIsRefusedAndSavesNothing() {
        String token = Tokens.accessToken("rose-client3");
        String body = """
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":2,"feeling":"GOOD","idempotencyKey":"%s","note":"%s"}"""
                .formatted(today().minusDays(1), UUID.randomUUID(), "x".repeat(70_000));
        given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(413);
        assertEquals(0, sessions());
    }

    @Test
    void todaysSessionCanBeCorrectedTheSameDayThroughTheApi() {
        String token = Tokens.accessToken("rose-client3");
        String body = """
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":%d,"feeling":"GOOD","idempotencyKey":"%s"}""";
        given().auth().oauth2(token).contentType("application/json").body(body.formatted(today(), 4, UUID.randomUUID()))
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(201);
        given().auth().oauth2(token).contentType("application/json").body(body.formatted(today(), 1, UUID.randomUUID()))
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(200)
                .body("discomfort", equalTo(1));
        assertEquals(1, sessions());
        assertEquals("1", TestData.string("select discomfort::text from session_log where assignment_id = ?::uuid", assignmentId));
    }

    /** rose-client2, another client of the same clinic, with an active program of their own. */
    private static String otherClientsAssignment() {
        UUID other = Demo.clientId("rose-client2");
        TestData.endOpenAssignments(other);
        return TestData.assignBuiltInProgram("rose-city", other, "rose-trainer", today().minusDays(10), 3).toString();
    }

    private static String sessionOf(String assignment) {
        return TestData.string("""
                select id || ' ' || discomfort || ' ' || coalesce(note, '') || ' ' || coalesce(corrected_at::text, '')
                from session_log where assignment_id = ?::uuid""", assignment);
    }

    @Test
    void anotherClientSendingTheSameFormKeyGetsNeitherTheSessionNorAnError() {
        var robin = SignIn.as("rose-client3");
        Map<String, String> robinsForm = robin.hiddenFields("/today", "/today/sessions");
        robin.resubmit("/today", "/today/sessions", session(today().minusDays(1)), robinsForm).then().statusCode(303);
        String robinsSession = sessionOf(assignmentId);
        String samsAssignment = otherClientsAssignment();
        try {
            var sam = SignIn.as("rose-client2");
            Map<String, String> samsForm = new HashMap<>(sam.hiddenFields("/today", "/today/sessions"));
            samsForm.put("idempotencyKey", robinsForm.get("idempotencyKey"));
            Map<String, Object> samsSession = session(today().minusDays(1));
            samsSession.put("note", "Sam owns this session");
            samsSession.put("worseOrUnsafe", "on");
            sam.resubmit("/today", "/today/sessions", samsSession, samsForm).then().statusCode(409)
                    .body(containsString("The form expired; please submit it again."),
                            containsString("Sam owns this session"), not(containsString("Tight at the top")));
            assertEquals(robinsSession, sessionOf(assignmentId), "Robin's session is untouched");
            assertEquals(0, TestData.count("select count(*) from session_log where assignment_id = ?::uuid", samsAssignment));
        } finally {
            TestData.endOpenAssignments(Demo.clientId("rose-client2"));
        }
    }

    @Test
    void anotherClientSendingTheSameApiKeyGetsNeitherTheSessionNorAnError() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":%d,"feeling":"GOOD","note":"%s","idempotencyKey":"%s"}""";
        given().auth().oauth2(Tokens.accessToken("rose-client3")).contentType("application/json")
                .body(body.formatted(today().minusDays(1), 2, "Robin's note", key))
                .post("/api/v1/assignments/" + assignmentId + "/sessions").then().statusCode(201);
        String robinsSession = sessionOf(assignmentId);
        String samsAssignment = otherClientsAssignment();
        try {
            given().auth().oauth2(Tokens.accessToken("rose-client2")).contentType("application/json")
                    .body(body.formatted(today().minusDays(1), 5, "Sam's note", key))
                    .post("/api/v1/assignments/" + samsAssignment + "/sessions").then().statusCode(409)
                    .body("field", equalTo("idempotencyKey")).body(not(containsString("Robin's note")))
                    .body(not(containsString(robinsSession.substring(0, 36))));
            assertEquals(robinsSession, sessionOf(assignmentId), "Robin's session is untouched");
            assertEquals(0, TestData.count("select count(*) from session_log where assignment_id = ?::uuid", samsAssignment));
        } finally {
            TestData.endOpenAssignments(Demo.clientId("rose-client2"));
        }
    }
}
