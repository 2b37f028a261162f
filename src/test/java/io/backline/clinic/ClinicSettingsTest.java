package io.backline.clinic;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A clinic admin changes the clinic's settings; bad values are explained and nothing is half-saved. */
@QuarkusTest
class ClinicSettingsTest {
    private static final String PAGE = "/clinic/settings";

    private static Map<String, Object> settings() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", "Rose City Movement");
        fields.put("city", "Portland");
        fields.put("timezone", "America/Los_Angeles");
        fields.put("disengagedAfterDays", "7");
        fields.put("redSeverity", "7");
        fields.put("amberSeverity", "4");
        fields.put("painRise", "2");
        fields.put("discomfortRise", "2");
        fields.put("ambersForRed", "3");
        fields.put("amberWindowDays", "7");
        fields.put("escalateAfterHours", "24");
        fields.put("alertEmails", "on");
        fields.put("referralAckDays", "5");
        fields.put("phone", "503-555-0142");
        fields.put("answersWithinHours", "4");
        return fields;
    }

    @AfterEach
    void restoreDemoSettings() {
        TestData.sql("""
                update clinic set name = 'Rose City Movement', timezone = 'America/Los_Angeles', disengaged_after_days = 7,
                    red_severity = 7, amber_severity = 4, alert_emails = true, escalate_after_hours = 24,
                    phone = '503-555-0142', answers_within_hours = 4 where id = 'rose-city'""");
    }

    @Test
    void badValuesAreExplainedWithWhatWasTypedKept() {
        var admin = SignIn.as("rose-admin");
        Map<String, Object> bad = settings();
        bad.put("timezone", "Mars/Olympus_Mons");
        bad.put("amberSeverity", "8");
        bad.put("disengagedAfterDays", "lots");
        admin.submit(PAGE, PAGE, bad).then().statusCode(400)
                .body(containsString("is not a time zone"), containsString("must be below the red one (7)"),
                        containsString("from 1 to 90"), containsString("value=\"Mars/Olympus_Mons\""),
                        containsString("value=\"lots\""));
        assertEquals("America/Los_Angeles", TestData.string("select timezone from clinic where id = 'rose-city'"));
        assertEquals(4, TestData.count("select amber_severity from clinic where id = 'rose-city'"));
    }

    @Test
    void thresholdsOutsideTheSafeLimitsAreRefusedWithTheLimitStated() {
        var admin = SignIn.as("rose-admin");
        Map<String, Object> unsafe = settings();
        unsafe.put("redSeverity", "9");
        unsafe.put("escalateAfterHours", "48");
        unsafe.put("phone", "");
        unsafe.put("answersWithinHours", "0");
        admin.submit(PAGE, PAGE, unsafe).then().statusCode(400)
                .body(containsString("from 1 to 7: a clinic may stop earlier"), containsString("never later"),
                        containsString("from 1 to 24"), containsString("phone number is required"),
                        containsString("from 1 to 72"), containsString("value=\"9\""), containsString("value=\"48\""));
        assertEquals(7, TestData.count("select red_severity from clinic where id = 'rose-city'"));
        assertEquals(24, TestData.count("select escalate_after_hours from clinic where id = 'rose-city'"));
        // The page states the limits before anyone types.
        String shown = Jsoup.parse(admin.request().get(PAGE).asString()).text();
        assertTrue(shown.contains("Red from severity (1–7)") && shown.contains("(hours, 1–24)"), shown);
    }

    @Test
    void savedSettingsAreUsedAndStayInTheirClinic() {
        var admin = SignIn.as("rose-admin");
        Map<String, Object> changed = settings();
        changed.put("name", "Rose City Movement & Mobility");
        changed.put("disengagedAfterDays", "10");
        changed.put("redSeverity", "6");
        changed.put("phone", "(503) 555-0199");
        changed.put("answersWithinHours", "2");
        changed.remove("alertEmails");
        admin.submit(PAGE, PAGE, changed).then().statusCode(303);

        assertEquals(10, TestData.count("select disengaged_after_days from clinic where id = 'rose-city'"));
        assertEquals(6, TestData.count("select red_severity from clinic where id = 'rose-city'"));
        assertEquals("(503) 555-0199", TestData.string("select phone from clinic where id = 'rose-city'"));
        assertEquals("f", TestData.string("select alert_emails from clinic where id = 'rose-city'"));
        assertEquals(7, TestData.count("select disengaged_after_days from clinic where id = 'cedar-hills'"));
        SignIn.as("rose-trainer").request().get("/dashboard").then()
                .body(containsString("Rose City Movement &amp; Mobility"));
        SignIn.as("rose-trainer").request().get(PAGE).then().statusCode(403);
    }
}
