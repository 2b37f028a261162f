package io.backline.referral;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A referral drafted from a flag names the day of the report as the clinic's people lived it, not UTC's. */
@QuarkusTest
class ReferralReasonDayTest {

    @Test
    void anEveningReportInPortlandIsReportedOnThatEvening() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Evening Reporter");
        // 19:30 on the 5th in Portland is already 03:30 on the 6th in UTC.
        ZonedDateTime evening = ZonedDateTime.of(2026, 12, 5, 19, 30, 0, 0, ZoneId.of("America/Los_Angeles"));
        UUID flag = UUID.randomUUID();
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key, reported_at)
                values (?::uuid, 'rose-city', ?::uuid, 'INCREASED_PAIN', 5, 'MIDDLE_THORACIC', 'DURING', 'AMBER', 'test',
                    'OPEN', ?::uuid, gen_random_uuid(), ?::timestamptz)""", flag.toString(), client.toString(),
                Demo.staffId("rose-trainer").toString(), evening.toOffsetDateTime().toString());

        SignIn.as("rose-trainer").request()
                .get("/referrals/new?provider=" + ReferralsTest.QUIET_ALDER + "&client=" + client + "&flag=" + flag)
                .then().statusCode(200)
                .body(containsString("reported 2026-12-05"))
                .body(not(containsString("reported 2026-12-06")));
    }
}
