package io.backline.symptom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The flag queue reads its flags and their clients in one statement, for one open flag as for a full page. */
@QuarkusTest
class FlagQueueStatementCountTest {

    @Test
    void theQueueTakesTwoStatementsWhateverItsLength() {
        var trainer = SignIn.as("cedar-trainer2");
        addOpenFlag(TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Queue Client First"));
        trainer.request().get("/flags").then().statusCode(200); // warm up
        long one = statementsFor(trainer);

        for (int i = 0; i < 30; i++) {
            addOpenFlag(TestData.clientOnCareTeam("cedar-hills", "cedar-trainer2", "Queue Client " + i));
        }
        // A red flag of another clinic would come first if it leaked in.
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'INCREASED_PAIN', 8, 'MIDDLE_THORACIC', 'AFTER',
                    'RED', 'Counted in a test', 'OPEN', gen_random_uuid(), gen_random_uuid())""",
                TestData.clientOnCareTeam("rose-city", "rose-trainer", "Queue Client Elsewhere").toString());
        long many = statementsFor(trainer);

        assertEquals(one, many, "statements for the flag queue with 1 open flag vs a full page");
        // The queue's page and the audit row of the look (unchained: a job chains it later, docs/adr/0047); the
        // menu's counts are a plain JDBC statement of their own.
        assertTrue(many <= 2, "the flag queue takes 2 statements besides the menu's counts, not " + many);
        // A full page of 25 (other tests add flags to this care team too), each row naming its own client.
        var html = Jsoup.parse(trainer.request().get("/flags").asString());
        var names = html.select("[data-testid=flag-queue] tbody tr th a").eachText();
        assertEquals(25, names.size(), names.toString());
        assertTrue(names.stream().noneMatch(String::isBlank), names.toString());
        assertTrue(names.stream().filter(name -> name.startsWith("Queue Client ")).distinct().count() > 1, names.toString());
        assertTrue(!names.contains("Queue Client Elsewhere"), "another clinic's flag in the queue: " + names);
    }

    @Test
    void aPageFarBeyondTheLastIsEmptyRatherThanAnError() {
        var html = Jsoup.parse(SignIn.as("cedar-trainer2").request().get("/flags?page=2000000000").then().statusCode(200)
                .extract().asString());
        assertEquals(0, html.select("[data-testid=flag-queue] tbody tr").size());
    }

    private static void addOpenFlag(UUID client) {
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), 'cedar-hills', ?::uuid, 'INCREASED_PAIN', 4, 'MIDDLE_THORACIC', 'AFTER',
                    'AMBER', 'Counted in a test', 'OPEN', gen_random_uuid(), gen_random_uuid())""", client.toString());
    }

    private static long statementsFor(SignIn.Session trainer) {
        return StatementCount.fewestOfThree(() -> trainer.request().get("/flags").then().statusCode(200));
    }
}
