package io.backline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backline.support.AuditRows;
import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A look at a page is recorded at once, unchained, and a job chains it within seconds (docs/adr/0047): the admin and
 * the client see it from the start, it keeps its time and request, and the chain still checks out.
 */
@QuarkusTest
class LooksJoinTheChainTest {
    private static final String NOT_CHAINED = "not chained yet";

    private static Document page(SignIn.Session session, String path) {
        return Jsoup.parse(session.request().get(path).then().statusCode(200).extract().asString());
    }

    private static String verdict(SignIn.Session admin) {
        return page(admin, "/audit").select("[data-testid=audit-chain]").text();
    }

    private static String firstRow(SignIn.Session admin, UUID client) {
        return page(admin, "/audit?client=" + client).select("[data-testid=audit-events] tbody tr").first().text();
    }

    private static List<String> accessLines(SignIn.Session client) {
        return page(client, "/today/access").select("[data-testid=my-access-log] li").eachText();
    }

    @Test
    void aLookIsShownAtOnceAndJoinsTheChainWithItsTimeAndRequest() {
        UUID client = Demo.clientId("rose-client2");
        var trainer = SignIn.as("rose-trainer");
        var admin = SignIn.as("rose-admin");
        var me = SignIn.as("rose-client2");
        String id;
        String timeAndRequest;
        try (var paused = AuditRows.pauseChaining("rose-city")) {
            trainer.request().get("/clients/" + client).then().statusCode(200);
            id = TestData.string("""
                    select id::text from audit_view_pending where client_id = ?::uuid and action = 'viewed progress'
                    order by written_order desc limit 1""", client.toString());
            assertNotNull(id, "the look waits, unchained");
            timeAndRequest = TestData.string(
                    "select happened_at::text || ' ' || request_id from audit_view_pending where id = ?::uuid", id);
            assertEquals(0, TestData.count("select count(*) from audit_event where id = ?::uuid", id));

            String row = firstRow(admin, client);
            assertTrue(row.contains("viewed progress") && row.contains("Jonas Reyes") && row.contains(NOT_CHAINED), row);
            long waiting = AuditRows.waiting("rose-city");
            String shown = waiting == 1 ? "One look is listed but " + NOT_CHAINED
                    : waiting + " looks are listed but " + NOT_CHAINED;
            String chain = verdict(admin);
            assertTrue(chain.startsWith("All ") && chain.contains(shown), waiting + ": " + chain);
            assertTrue(accessLines(me).getFirst().endsWith("Jonas Reyes: viewed progress"), accessLines(me).toString());
        }

        AuditRows.awaitChained("rose-city");
        assertEquals(timeAndRequest, TestData.string(
                "select happened_at::text || ' ' || request_id from audit_event where id = ?::uuid and seq is not null", id),
                "chained with the time and request it was recorded with");
        String row = firstRow(admin, client);
        assertTrue(row.contains("viewed progress") && !row.contains(NOT_CHAINED), row);
        String chain = verdict(admin);
        assertTrue(chain.startsWith("All ") && !chain.contains(NOT_CHAINED), chain);
        assertTrue(accessLines(me).getFirst().endsWith("Jonas Reyes: viewed progress"), accessLines(me).toString());
    }

    @Test
    void anotherClinicsWaitingLooksNeverShow() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Waiting Elsewhere");
        var trainer = SignIn.as("rose-trainer");
        var cedarAdmin = SignIn.as("cedar-admin");
        try (var paused = AuditRows.pauseChaining("rose-city")) {
            trainer.request().get("/clients/" + client).then().statusCode(200);
            String request = TestData.string("select request_id from audit_view_pending where client_id = ?::uuid",
                    client.toString());
            assertNotNull(request);
            AuditRows.awaitChained("cedar-hills");

            String filtered = page(cedarAdmin, "/audit?client=" + client).text();
            assertTrue(filtered.contains("0 entries") && !filtered.contains("Waiting Elsewhere"), filtered);
            Document all = page(cedarAdmin, "/audit");
            assertFalse(all.text().contains(request), "a Rose City look is not on Cedar Hills' page");
            assertFalse(all.select("[data-testid=audit-chain]").text().contains(NOT_CHAINED),
                    "Rose City's waiting looks are not counted for Cedar Hills");
        }
    }

    @Test
    void twoMoversAtOnceChainEveryLookOnceInTheOrderWritten() {
        String clinic = "cedar-hills";
        String marker = "movers-" + UUID.randomUUID().toString().substring(0, 8);
        int looks = 1200;
        try (var paused = AuditRows.pauseChaining(clinic)) {
            TestData.sql("""
                    insert into audit_view_pending (clinic_id, id, subject_kind, actor_user_id, actor_name, action, detail,
                        request_id)
                    select ?, gen_random_uuid(), 'clinic', gen_random_uuid(), 'Mover Test', 'viewed dashboard',
                        'page ' || n, ? from generate_series(1, ?) n order by n""", clinic, marker, looks);
            assertEquals(0, TestData.count("select audit_chain_pending(?, 100)", clinic),
                    "while another mover holds the clinic, a second one passes");
        }

        // Four movers of our own, and the app's job, all at once.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<?>[] movers = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 1000 && waiting(marker) > 0; round++) {
                    TestData.count("select audit_chain_pending(?, 100)", clinic);
                }
            }, threads)).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(movers).join();
        } finally {
            threads.shutdown();
        }

        // Whatever our movers left (they give up after many passes), the app's job takes.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waiting(marker) == 0);
        assertEquals(looks, TestData.count("select count(*) from audit_event where request_id = ?", marker));
        assertEquals(looks, TestData.count("select count(distinct id) from audit_event where request_id = ?", marker));
        assertEquals(0, TestData.count("""
                select count(*) from (
                    select split_part(detail, ' ', 2)::int as n,
                        lag(split_part(detail, ' ', 2)::int) over (order by seq) as before
                    from audit_event where request_id = ?) chained
                where n <> before + 1""", marker), "chained in the order written");
        assertTrue(verdict(SignIn.as("cedar-admin")).startsWith("All "));
    }

    private static long waiting(String marker) {
        return TestData.count("select count(*) from audit_view_pending where request_id = ?", marker);
    }
}
