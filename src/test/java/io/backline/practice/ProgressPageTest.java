package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client's own progress page: the trainer's charts, weeks against the target, the streak, and every session
 * newest first with corrections marked; reached from today, not audited, and as cheap for two years as for a week.
 */
@QuarkusTest
class ProgressPageTest {
    private static final String CLIENT = "cedar-client5";
    private static final Pattern SESSION_DAY = Pattern.compile("data-testid=\"session\"><strong>([A-Z][a-z]{2} \\d{1,2}, \\d{4})");
    /** Dates read as in the US: "Dec 5, 2026". */
    private static final java.time.format.DateTimeFormatter US = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy",
            java.util.Locale.US);

    private UUID client;
    private UUID assignment;
    private LocalDate today;
    private LocalDate monday;

    @BeforeEach
    void aProgramStartedTwoWeeksAgo() {
        client = Demo.clientId(CLIENT);
        today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        TestData.endOpenAssignments(client);
        // Today asks the pre-exercise questions first of a client who has not answered them (another test resets them).
        TestData.sql("update client set screened_at = now() where id = ?::uuid and screened_at is null", client.toString());
        // The page lists every session the client recorded: start from none.
        TestData.sql("update symptom_flag set session_id = null where client_id = ?::uuid", client.toString());
        TestData.sql("delete from session_log where client_id = ?::uuid", client.toString());
        assignment = TestData.assignBuiltInProgram("cedar-hills", client, "cedar-trainer", monday.minusWeeks(2), 3);
    }

    @AfterEach
    void endIt() {
        TestData.endOpenAssignments(client);
    }

    @Test
    void theClientSeesChartsWeeksStreakAndSessionsNewestFirstWithTheCorrectionMarked() {
        for (LocalDate week : new LocalDate[] { monday.minusWeeks(2), monday.minusWeeks(1) }) {
            for (int day = 0; day < 3; day++) {
                session(week.plusDays(day), 2);
            }
        }
        session(today, 4);
        TestData.sql("update session_log set corrected_at = now() where assignment_id = ?::uuid and performed_on = ?",
                assignment.toString(), today);

        String page = SignIn.as(CLIENT).request().get("/today/progress").then().statusCode(200).extract().asString();

        assertTrue(page.contains("Hold time per level") && page.contains("Discomfort during sessions"), "both charts");
        // This week is under way with one session; it neither adds to the streak nor breaks it until met.
        int daysSoFar = (int) ChronoUnit.DAYS.between(monday, today) + 1;
        int streak = Math.round(3 * daysSoFar / 7f) <= 1 ? 3 : 2;
        assertTrue(page.contains("<strong>" + streak + "</strong> weeks in a row on target"), "the streak of " + streak);
        assertTrue(page.contains("<td>" + US.format(monday.minusWeeks(1)) + "</td><td>3 of 3</td>"), "last week, 3 of 3");
        assertTrue(page.contains("<td>" + US.format(monday.minusWeeks(2)) + "</td><td>3 of 3</td>"), "the first week, 3 of 3");
        assertTrue(page.indexOf("<td>" + US.format(monday.minusWeeks(1))) < page.indexOf("<td>" + US.format(monday.minusWeeks(2))),
                "weeks newest first");

        Matcher days = SESSION_DAY.matcher(page);
        assertTrue(days.find());
        assertEquals(US.format(today), days.group(1), "today's session first");
        assertEquals(1, page.split("data-testid=\"corrected\"", -1).length - 1, "only today's session was corrected");
        assertTrue(page.indexOf("data-testid=\"corrected\"") < page.indexOf(US.format(monday.minusWeeks(1).plusDays(2)) + "</strong>"),
                "the mark sits on today's session");
    }

    @Test
    void theChartsKeptFromTheLastViewShowASessionWrittenSinceWhoeverWroteIt() {
        session(monday.minusWeeks(1), 2);
        var me = SignIn.as(CLIENT);
        int before = circles(me.request().get("/today/progress").then().statusCode(200).extract().asString());
        // Written straight into the table, as an import or a fix by hand would: the history's version still moves on.
        session(monday.minusWeeks(1).plusDays(1), 3);
        int after = circles(me.request().get("/today/progress").then().statusCode(200).extract().asString());
        assertTrue(before > 0, "the first view drew the sessions");
        // One more point per level in the holds chart and one in the discomfort chart.
        assertEquals(before + 4, after, "the new session is drawn");
    }

    @Test
    void theHistoryPagesThroughEverySession() {
        for (int day = 1; day <= 25; day++) {
            session(today.minusDays(day), 1);
        }
        var signedIn = SignIn.as(CLIENT);
        String first = signedIn.request().get("/today/progress").then().statusCode(200).extract().asString();
        assertEquals(20, count(first));
        assertTrue(first.contains("rel=\"next\""));
        String second = signedIn.request().get("/today/progress?page=2").then().statusCode(200).extract().asString();
        assertEquals(5, count(second));
        assertFalse(second.contains("rel=\"next\""));
        Matcher oldest = SESSION_DAY.matcher(second);
        String last = null;
        while (oldest.find()) {
            last = oldest.group(1);
        }
        assertEquals(US.format(today.minusDays(25)), last, "the oldest session ends the last page");
    }

    @Test
    void todayLinksToItAndLookingIsNotAudited() {
        var signedIn = SignIn.as(CLIENT);
        assertTrue(signedIn.request().get("/today").then().statusCode(200).extract().asString()
                .contains("href=\"/today/progress\""), "today links to the progress page");
        long before = TestData.count("select count(*) from audit_trail where client_id = ?::uuid", client.toString());
        signedIn.request().get("/today/progress").then().statusCode(200);
        assertEquals(before, TestData.count("select count(*) from audit_trail where client_id = ?::uuid", client.toString()),
                "a client looking at their own progress is not audited");
    }

    @Test
    void theProgressPageCostsTheSameForOneSessionAsForTwoYearsOfThem() {
        session(today.minusDays(1), 1);
        var signedIn = SignIn.as(CLIENT);
        signedIn.request().get("/today/progress").then().statusCode(200); // warm up
        long one = statements(signedIn);
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                    feeling, idempotency_key)
                select gen_random_uuid(), 'cedar-hills', ?::uuid, ?::uuid, ?::date - n, '{60,60,60}', 1, 'GOOD', gen_random_uuid()
                from generate_series(2, 700) n""", assignment.toString(), client.toString(), today);
        long many = statements(signedIn);
        assertEquals(one, many, "statements for the progress page with 1 session vs 700");
        // The client with the open assignment; its adherence history; a page of sessions; the charts' sessions.
        assertTrue(many <= 4, "the progress page takes 4 statements besides the sign-in's, not " + many);
    }

    @Test
    void theProgressPageFitsA375PixelPhone() {
        for (int day = 1; day <= 30; day += 2) {
            session(today.minusDays(day), day % 5);
        }
        try (Browser phone = new Browser(375, 812)) {
            phone.open("/");
            phone.signIn(CLIENT, Demo.PASSWORD);
            phone.waitForUrl("/today");
            phone.find("[data-testid=progress-link]").click();
            phone.waitForUrl("/today/progress");
            phone.find("svg.chart");
            phone.find("[data-testid=weeks]");
            long width = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth;");
            phone.screenshot("client-progress-375");
            assertTrue(width <= 375, "nothing scrolls sideways at 375 px, the page is " + width + " px wide");
            assertEquals(java.util.List.of(), phone.accessibilityProblems());
        }
    }

    private long statements(SignIn.Session signedIn) {
        return StatementCount.fewestOfThree(
                () -> TestData.sql("update assignment set history_version = history_version + 1 where id = ?::uuid",
                        assignment.toString()),
                () -> signedIn.request().get("/today/progress").then().statusCode(200));
    }

    private void session(LocalDate day, int discomfort) {
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                    feeling, idempotency_key)
                values (gen_random_uuid(), 'cedar-hills', ?::uuid, ?::uuid, ?, '{60,45,30}', ?, 'GOOD', gen_random_uuid())""",
                assignment.toString(), client.toString(), day, discomfort);
    }

    private static int circles(String page) {
        return page.split("<circle", -1).length - 1;
    }

    private static int count(String page) {
        return page.split("data-testid=\"session\"", -1).length - 1;
    }
}
