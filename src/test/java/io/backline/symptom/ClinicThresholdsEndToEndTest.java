package io.backline.symptom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The decision table with a clinic's own settings, end to end: the admin saves thresholds on the settings page, and a
 * report through the page and one through the API are decided with them (stop range, caution range, and the window
 * in which cautions add up to a pause).
 */
@QuarkusTest
class ClinicThresholdsEndToEndTest {
    private static final String CLIENT = "cedar-client3"; // Quinn Larsen, on cedar-trainer's care team
    private static final UUID CLIENT_ID = Demo.clientId(CLIENT);
    private static final String SETTINGS = "/clinic/settings";

    @BeforeEach
    void programAndClinicSettings() {
        TestData.endOpenAssignments(CLIENT_ID);
        TestData.sql("update symptom_flag set level = 'GREEN' where client_id = ?::uuid and level = 'AMBER'",
                CLIENT_ID.toString()); // earlier cautions of this client would count in the window
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        String page = "/clients/" + CLIENT_ID;
        SignIn.as("cedar-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today.minusDays(7).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", Demo.CEDAR);
        settings.put("city", "Beaverton");
        settings.put("timezone", "America/Los_Angeles");
        settings.put("phone", "971-555-0167");
        settings.put("answersWithinHours", "8");
        settings.put("disengagedAfterDays", "7");
        settings.put("redSeverity", "5");
        settings.put("amberSeverity", "2");
        settings.put("painRise", "2");
        settings.put("discomfortRise", "2");
        settings.put("ambersForRed", "2");
        settings.put("amberWindowDays", "14");
        settings.put("escalateAfterHours", "12");
        settings.put("alertEmails", "on");
        settings.put("referralAckDays", "5");
        SignIn.as("cedar-admin").submit(SETTINGS, SETTINGS, settings).then().statusCode(303);
    }

    @AfterEach
    void restoreSettings() {
        TestData.sql("""
                update clinic set red_severity = 7, amber_severity = 4, ambers_for_red = 3, amber_window_days = 7,
                    escalate_after_hours = 24 where id = 'cedar-hills'""");
        TestData.sql("update symptom_flag set level = 'GREEN' where client_id = ?::uuid and level = 'AMBER'",
                CLIENT_ID.toString());
    }

    private static Map<String, Object> report(String type, int severity) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", type);
        fields.put("severity", String.valueOf(severity));
        fields.put("region", "MIDDLE_THORACIC");
        fields.put("when", "DURING");
        fields.put("description", "");
        return fields;
    }

    private static String levelOf(String location) {
        return TestData.string("select level from symptom_flag where id = ?::uuid",
                location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aSeverityInTheClinicsLowerStopRangeIsRedThroughThePageAndTheApi() {
        var client = SignIn.as(CLIENT);
        // 5 is only a caution under the program's defaults; this clinic stops at 5.
        String page = client.submit("/today/flags/new", "/today/flags", report("OTHER", 5)).then().statusCode(303)
                .extract().header("Location");
        assertEquals("RED", levelOf(page));
        client.request().get(page).then().body(containsString("severity 5 is in the stop range (5&#8211;10)"));
        assertEquals("PAUSED", TestData.string("select status from assignment where client_id = ?::uuid and status <> 'ENDED'",
                CLIENT_ID.toString()));

        given().auth().oauth2(Tokens.accessToken(CLIENT)).contentType("application/json").body("""
                {"type":"OTHER","severity":6,"region":"UPPER_THORACIC","when":"AFTER","requestKey":"%s"}"""
                .formatted(UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(201).body("level", equalTo("RED"));
    }

    @Test
    void cautionsAddUpWithinTheClinicsWindowAndNotOutsideIt() {
        var client = SignIn.as(CLIENT);
        // 3 is a caution here (from 2); a caution 20 days ago is outside the 14-day window and does not count.
        String first = client.submit("/today/flags/new", "/today/flags", report("OTHER", 3)).then().statusCode(303)
                .extract().header("Location");
        assertEquals("AMBER", levelOf(first));
        TestData.sql("update symptom_flag set reported_at = now() - interval '20 days' where id = ?::uuid",
                first.substring(first.lastIndexOf('/') + 1));
        String token = Tokens.accessToken(CLIENT);
        given().auth().oauth2(token).contentType("application/json").body("""
                {"type":"OTHER","severity":3,"region":"UPPER_THORACIC","when":"DURING","requestKey":"%s"}"""
                .formatted(UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(201).body("level", equalTo("AMBER"));
        // Ten days later than the one outside the window, the second caution within 14 days pauses (this clinic: at 2).
        given().auth().oauth2(token).contentType("application/json").body("""
                {"type":"PAIN_SPREADING","severity":2,"region":"UPPER_THORACIC","when":"DURING","requestKey":"%s"}"""
                .formatted(UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(201).body("level", equalTo("RED"))
                .body("explanation", containsString("2 cautions within 14 days"));
    }

    @Test
    void badReportsThroughTheApiAreExplainedAndNothingIsSaved() {
        long before = TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", CLIENT_ID.toString());
        given().auth().oauth2(Tokens.accessToken(CLIENT)).contentType("application/json").body("""
                {"type":"WORSE_OR_UNSAFE","severity":11,"region":"NOT_GIVEN","when":"SOMETIME","signs":["MADE_UP"],
                 "requestKey":"%s"}""".formatted(UUID.randomUUID()))
                .post("/api/v1/symptoms").then().statusCode(400)
                .body("fields.type", equalTo("Choose what happened.")).body("fields.severity", containsString("0 (none)"))
                .body("fields.region", equalTo("Choose where you feel it.")).body("fields.signs", containsString("listed"));
        assertEquals(before, TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", CLIENT_ID.toString()));
    }
}
