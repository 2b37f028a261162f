package io.backline.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard costs the same number of SQL statements for 3 clients as for 43. */
@QuarkusTest
class DashboardQueryCountTest {

    @Test
    void dashboardRunsAConstantNumberOfStatements() {
        var trainer = SignIn.as("cedar-trainer2");
        addAssignmentWithSessions(TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "First Client"), 2);
        trainer.request().get("/dashboard").then().statusCode(200); // warm up: templates, caches
        long few = statementsFor(trainer, true);

        for (int i = 0; i < 40; i++) {
            UUID client = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Load Client " + i);
            addAssignmentWithSessions(client, i % 5);
        }
        long many = statementsFor(trainer, true);

        assertEquals(few, many, "statements for the dashboard with 3 clients vs 43, every history changed since");
        // The page of clients with their assignments and open flags, their histories, overdue referrals, and the audit row of the
        // look (the menu's counts are one plain JDBC statement of their own, not counted here).
        assertTrue(many <= 4, "the dashboard takes 4 statements besides the menu's counts, not " + many);
        // Seen again with nothing changed: the adherence figures are reused, the histories not read.
        assertEquals(many - 1, statementsFor(trainer, false), "the dashboard seen again");
        var html = org.jsoup.Jsoup.parse(trainer.request().get("/dashboard").asString());
        var rows = html.select("[data-testid=dashboard] tbody tr");
        // Sessions 20 days ago: disengaged. Assigned today with no session yet: not (yet).
        String quietFor20Days = rows.stream().filter(r -> r.text().startsWith("Load Client 7 ")).findFirst().orElseThrow().text();
        String assignedToday = rows.stream().filter(r -> r.text().startsWith("Load Client 0 ")).findFirst().orElseThrow().text();
        assertTrue(quietFor20Days.contains("disengaged"), quietFor20Days);
        assertTrue(!assignedToday.contains("disengaged"), assignedToday);
    }

    /**
     * With histories changed before each view, the adherence figures are computed anew; otherwise the second and
     * third view reuse them.
     */
    private static long statementsFor(SignIn.Session trainer, boolean historiesChanged) {
        return StatementCount.fewestOfThree(() -> {
            if (historiesChanged) {
                // What any new session, pause or prescription does (V11's triggers): known figures are stale.
                TestData.sql("update assignment set history_version = history_version + 1 where clinic_id = 'cedar-hills'");
            }
        }, () -> trainer.request().get("/dashboard").then().statusCode(200));
    }

    private static void addAssignmentWithSessions(UUID client, int sessions) {
        UUID assignment = TestData.assignBuiltInProgram("cedar-hills", client, "cedar-trainer2", LocalDate.now().minusWeeks(4), 3);
        for (int day = 0; day < sessions; day++) {
            TestData.sql("""
                    insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                        discomfort, feeling, idempotency_key) values (gen_random_uuid(), 'cedar-hills', ?::uuid, ?::uuid,
                        ?, '{60,60,60}', 2, 'GOOD', gen_random_uuid())""",
                    assignment.toString(), client.toString(), LocalDate.now().minusDays(20 + day));
        }
    }
}
