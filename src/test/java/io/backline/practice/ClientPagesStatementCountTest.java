package io.backline.practice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client's busiest requests cost a fixed, small number of SQL statements whatever the length of their history:
 * the "today" page with one session and with two years of them, and the check-off API call. Counted by Hibernate's
 * statistics; the menu's counts are one plain JDBC statement, and the membership is read (plain JDBC too) only when the membership
 * cache does not know it.
 */
@QuarkusTest
class ClientPagesStatementCountTest {
    private static final String CLIENT = "cedar-client4";
    /** The clinic's today, read when used: a suite that runs past midnight must not keep the day the class loaded. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    private UUID assignment;

    @BeforeEach
    void assignTheProgram() {
        UUID client = Demo.clientId(CLIENT);
        TestData.endOpenAssignments(client);
        assignment = TestData.assignBuiltInProgram("cedar-hills", client, "cedar-trainer", today().minusYears(2), 3);
        addSessions(1, 1);
    }

    @AfterEach
    void endIt() {
        TestData.endOpenAssignments(Demo.clientId(CLIENT));
    }

    @Test
    void todayCostsTheSameForOneSessionAsForTwoYearsOfThem() {
        var client = SignIn.as(CLIENT);
        client.request().get("/today").then().statusCode(200); // warm up: templates, the program version
        long one = statementsFor(() -> client.request().get("/today").then().statusCode(200), true);

        addSessions(2, 500);
        long many = statementsFor(() -> client.request().get("/today").then().statusCode(200), true);

        assertEquals(one, many, "statements for today with 1 session vs 500, the history changed before each view");
        // The client with the open assignment and its prescription; the history; who looked.
        assertTrue(many <= 3, "the today page takes 3 statements besides the menu's counts, not " + many);
        // Seen again with nothing changed: the adherence figures are reused, the history not read.
        long again = statementsFor(() -> client.request().get("/today").then().statusCode(200), false);
        assertEquals(many - 1, again, "the today page seen again");
    }

    @Test
    void theClientPageCostsTheSameForOneSessionAsForTwoYearsOfThem() {
        var trainer = SignIn.as("cedar-admin"); // admins see every client of the clinic
        String page = "/clients/" + Demo.clientId(CLIENT);
        trainer.request().get(page).then().statusCode(200); // warm up
        long one = statementsFor(() -> trainer.request().get(page).then().statusCode(200), true);

        addSessions(2, 500);
        long many = statementsFor(() -> trainer.request().get(page).then().statusCode(200), true);

        assertEquals(one, many, "statements for the client page with 1 session vs 500, the history changed before each view");
        // Everything the page shows, the client included, in one statement; the view's audit row.
        assertTrue(many <= 2, "the client page takes 2 statements besides the menu's counts, not " + many);
    }

    @Test
    void aCheckOffThroughTheApiTakesAFewStatements() {
        String token = Tokens.accessToken(CLIENT);
        int[] day = { 600 };
        long statements = statementsFor(() -> given().auth().oauth2(token).contentType("application/json")
                .body("""
                        {"performedOn":"%s","holdSeconds":[60,60,60],"discomfort":1,"feeling":"GOOD","idempotencyKey":"%s"}"""
                        .formatted(today().minusDays(day[0]++), UUID.randomUUID()))
                .post("/api/v1/assignments/" + assignment + "/sessions").then().statusCode(201), false);
        // The assignment with its prescription and the earlier save or same day's session; the insert; the audit row.
        assertTrue(statements <= 3, "a check-off takes 3 statements (no menu, no membership read), not " + statements);
    }

    /** Sessions on days {@code first..last} before today. */
    private void addSessions(int first, int last) {
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                    feeling, idempotency_key)
                select gen_random_uuid(), 'cedar-hills', ?::uuid, ?::uuid, ?::date - n, '{60,60,60}', 1, 'GOOD', gen_random_uuid()
                from generate_series(?, ?) n""", assignment.toString(), Demo.clientId(CLIENT).toString(), today(), first, last);
    }

    /**
     * With the history changed before each run (as any session, pause or new prescription does), adherence is
     * computed anew each time.
     */
    private long statementsFor(Runnable request, boolean historyChanged) {
        return StatementCount.fewestOfThree(() -> {
            if (historyChanged) {
                TestData.sql("update assignment set history_version = history_version + 1 where id = ?::uuid",
                        assignment.toString());
            }
        }, request);
    }
}
