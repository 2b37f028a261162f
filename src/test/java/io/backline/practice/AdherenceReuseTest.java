package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.backline.web.i18n.Dates;
import io.backline.web.i18n.Languages;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Adherence figures are reused between page views until the history behind them changes, whoever changes it: the
 * trainer never sees a figure older than the sessions, pauses and prescriptions in the database.
 */
@QuarkusTest
class AdherenceReuseTest {

    @Test
    void aRepeatedDashboardReadsNoHistoryYetShowsEveryChangeAtOnce() {
        var trainer = SignIn.as("cedar-trainer2");
        UUID client = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Abe Reuse");
        UUID assignment = assign(client);
        UUID threeDaysAgo = session(assignment, client, today().minusDays(3));

        // Names sort first: the dashboard lists a page of 50 clients by name, and other tests add clients here.
        assertEquals(shown(today().minusDays(3)), lastSession(trainer, client));
        assertEquals(shown(today().minusDays(3)), lastSession(trainer, client));

        // Written outside the app (an import, a fix by hand): the next view shows it.
        UUID todaysSession = session(assignment, client, today());
        assertEquals(shown(today()), lastSession(trainer, client));
        TestData.sql("delete from session_log where id = ?::uuid", todaysSession.toString());
        assertEquals(shown(today().minusDays(3)), lastSession(trainer, client));
        // One session moved to another day: as many sessions as before, yet a different history.
        TestData.sql("update session_log set performed_on = ? where id = ?::uuid", today().minusDays(1), threeDaysAgo.toString());
        assertEquals(shown(today().minusDays(1)), lastSession(trainer, client));

        // A lower weekly target changes what was prescribed.
        String before = adherence(trainer, client);
        TestData.sql("update prescription set sessions_per_week = 1 where assignment_id = ?::uuid", assignment.toString());
        String after = adherence(trainer, client);
        assertNotEquals(before, after, "adherence after lowering the weekly target");
    }

    @Test
    void aRepeatedDashboardSkipsTheHistoryStatement() {
        var trainer = SignIn.as("cedar-trainer2");
        UUID client = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Abe Reuse Count");
        session(assign(client), client, today().minusDays(1));
        trainer.request().get("/dashboard").then().statusCode(200);
        long warm = statements(trainer);
        TestData.sql("update assignment set history_version = history_version + 1 where clinic_id = 'cedar-hills'");
        long cold = statements(trainer);
        assertEquals(cold - 1, warm, "a dashboard whose figures are known reads no history (cold " + cold + ")");
    }

    /** The clinic's calendar day, which is what adherence counts in (not the test machine's). */
    /** A day as the dashboard prints it, such as "Dec 3, 2026". */
    private static String shown(LocalDate day) {
        return Dates.date(day, Languages.ENGLISH);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    private static long statements(SignIn.Session trainer) {
        return StatementCount.once(() -> trainer.request().get("/dashboard").then().statusCode(200));
    }

    private static String lastSession(SignIn.Session trainer, UUID client) {
        return row(trainer, client).select("[data-testid=last-session]").text();
    }

    private static String adherence(SignIn.Session trainer, UUID client) {
        return row(trainer, client).select("[data-testid=adherence]").text();
    }

    private static org.jsoup.nodes.Element row(SignIn.Session trainer, UUID client) {
        var html = Jsoup.parse(trainer.request().get("/dashboard").asString());
        return html.selectFirst("[data-testid=row-" + client + "]");
    }

    private static UUID assign(UUID client) {
        return TestData.assignBuiltInProgram("cedar-hills", client, "cedar-trainer2", today().minusWeeks(3), 5);
    }

    private static UUID session(UUID assignment, UUID client, LocalDate day) {
        UUID id = UUID.randomUUID();
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                    discomfort, feeling, idempotency_key) values (?::uuid, 'cedar-hills', ?::uuid, ?::uuid,
                    ?, '{60,60,60}', 2, 'GOOD', gen_random_uuid())""",
                id.toString(), assignment.toString(), client.toString(), day);
        return id;
    }
}
