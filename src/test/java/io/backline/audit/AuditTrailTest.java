package io.backline.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.AuditRows;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.web.Paged;
import io.quarkus.test.junit.QuarkusTest;

/** Every look at a client's progress leaves a trace that nobody, the app included, can rewrite. */
@QuarkusTest
class AuditTrailTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void viewingAClientsProgressIsRecordedWithWhoAndTheRequest() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Tester");
        var trainer = SignIn.as("rose-trainer");
        trainer.request().get("/clients/" + client).then().statusCode(200);
        assertEquals(1, TestData.count("""
                select count(*) from audit_trail where client_id = ?::uuid and action = 'viewed progress'
                and actor_name = 'Jonas Reyes' and request_id ~ ? and clinic_id = 'rose-city'""",
                client.toString(), "^" + UUID_PATTERN + "$"));
        trainer.request().get("/clients/" + client).then().body(containsString("Jonas Reyes: viewed progress"));
    }

    @Test
    void aRequestIdTheBrowserSendsIsReplacedByOneTheServerMakes() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Request Ids");
        var trainer = SignIn.as("rose-trainer");
        // No proxy is trusted by default: neither markup nor a well-formed UUID from the browser is kept.
        String wellFormed = UUID.randomUUID().toString();
        for (String sent : List.of("<script>alert(1)</script>", "req-audit-1", wellFormed)) {
            trainer.request().header("X-Request-Id", sent).get("/clients/" + client).then().statusCode(200);
        }
        List<String> recorded = List.of(TestData.string("""
                select string_agg(request_id, ',') from audit_trail where client_id = ?::uuid
                and action = 'viewed progress'""", client.toString()).split(","));
        assertEquals(3, recorded.size());
        for (String id : recorded) {
            assertTrue(id.matches(UUID_PATTERN), id);
            assertNotEquals(wellFormed, id);
        }
        assertEquals(3, new java.util.HashSet<>(recorded).size(), "each request its own id");
        assertEquals(0, TestData.count("select count(*) from audit_trail where request_id like '%<%' or request_id = 'req-audit-1'"));
    }

    @Test
    void aClientSeesWhoLookedAtTheirDataNewestFirst() {
        UUID client = io.backline.support.Demo.clientId("rose-client2");
        SignIn.as("rose-admin").request().get("/clients/" + client).then().statusCode(200);
        SignIn.as("rose-trainer").request().get("/clients/" + client).then().statusCode(200);
        var html = org.jsoup.Jsoup.parse(SignIn.as("rose-client2").request().get("/today/access").then().statusCode(200)
                .extract().asString());
        var entries = html.select("[data-testid=my-access-log] li").eachText();
        assertTrue(entries.get(0).endsWith("Jonas Reyes: viewed progress"), entries.toString());
        assertTrue(entries.get(1).endsWith(": viewed progress") && !entries.get(1).contains("Jonas Reyes"),
                entries.toString());
    }

    @Test
    void aClientPagesThroughTheWholeTrailFromTheTodayPage() {
        UUID client = io.backline.support.Demo.clientId("rose-client2");
        var trainer = SignIn.as("rose-trainer");
        for (int look = 0; look < Paged.PAGE_SIZE + 1; look++) {
            trainer.request().get("/clients/" + client).then().statusCode(200);
        }
        var me = SignIn.as("rose-client2");
        var today = org.jsoup.Jsoup.parse(me.request().get("/today").then().statusCode(200).extract().asString());
        String path = today.selectFirst("[data-testid=my-access-link]").attr("href");
        assertEquals("/today/access", path);

        long recorded = TestData.count("select count(*) from audit_trail where client_id = ?::uuid and subject_kind <> 'sign-in'",
                client.toString());
        long shown = 0;
        List<String> firstPage = null;
        for (int page = 1; path != null; page++) {
            var html = org.jsoup.Jsoup.parse(me.request().get(path).then().statusCode(200).extract().asString());
            List<String> entries = html.select("[data-testid=my-access-log] li").eachText();
            firstPage = firstPage == null ? entries : firstPage;
            var older = html.selectFirst("a[rel=next]");
            path = older == null ? null : older.attr("href");
            assertTrue(path == null ? entries.size() <= Paged.PAGE_SIZE : entries.size() == Paged.PAGE_SIZE,
                    "page " + page + ": " + entries.size());
            if (page > 1) {
                assertEquals("/today/access?page=" + (page - 1), html.selectFirst("a[rel=prev]").attr("href"));
            }
            shown += entries.size();
            assertTrue(page < 100, "the pages end");
        }
        assertEquals(recorded, shown, "every look and change, each once");

        // An odd page number is the first page.
        var odd = org.jsoup.Jsoup.parse(me.request().get("/today/access?page=x1").then().statusCode(200).extract().asString());
        assertEquals(firstPage, odd.select("[data-testid=my-access-log] li").eachText());
    }

    @Test
    void looksStillWaitingShowOnTheClientsFirstPageAboveMoreChainedOnesThanAPageHolds() {
        UUID client = io.backline.support.Demo.clientId("rose-client3");
        var trainer = SignIn.as("rose-trainer");
        for (int look = 0; look < 2 * Paged.PAGE_SIZE; look++) {
            trainer.request().get("/clients/" + client).then().statusCode(200);
        }
        AuditRows.awaitChained("rose-city");
        var me = SignIn.as("rose-client3");
        try (var paused = AuditRows.pauseChaining("rose-city")) {
            SignIn.as("rose-admin").request().get("/clients/" + client).then().statusCode(200);
            SignIn.as("rose-admin").request().get("/clients/" + client).then().statusCode(200);
            List<String> first = accessEntries(me, "/today/access");
            assertEquals(Paged.PAGE_SIZE, first.size(), first.toString());
            assertTrue(first.subList(0, 2).stream().noneMatch(entry -> entry.contains("Jonas Reyes")),
                    "the admin's two waiting looks come first: " + first);
            List<String> second = accessEntries(me, "/today/access?page=2");
            assertEquals(Paged.PAGE_SIZE, second.size(), second.toString());
            assertTrue(second.stream().allMatch(entry -> entry.contains("Jonas Reyes")), second.toString());
        }
    }

    private static List<String> accessEntries(SignIn.Session me, String path) {
        return org.jsoup.Jsoup.parse(me.request().get(path).then().statusCode(200).extract().asString())
                .select("[data-testid=my-access-log] li").eachText();
    }

    @Test
    void aRefusedLookIsNotRecordedAsALook() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Other");
        SignIn.as("cedar-trainer").request().get("/clients/" + client).then().statusCode(404);
        assertEquals(0, TestData.count("select count(*) from audit_trail where client_id = ?::uuid", client.toString()));
    }

    @Test
    void aLookWaitingToBeChainedCannotBeUpdatedOrDeletedByTheApp() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Waiting");
        try (var paused = AuditRows.pauseChaining("rose-city")) {
            SignIn.as("rose-trainer").request().get("/clients/" + client).then().statusCode(200);
            assertThrows(IllegalStateException.class, () -> TestData.sql(
                    "update audit_view_pending set actor_name = 'nobody' where client_id = ?::uuid", client.toString()));
            assertThrows(IllegalStateException.class,
                    () -> TestData.sql("delete from audit_view_pending where client_id = ?::uuid", client.toString()));
            assertEquals(1, TestData.count(
                    "select count(*) from audit_view_pending where client_id = ?::uuid and actor_name = 'Jonas Reyes'",
                    client.toString()));
        }
    }

    @Test
    void theAuditTableCannotBeUpdatedOrDeletedByTheApp() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Audit Immutable");
        SignIn.as("rose-trainer").request().get("/clients/" + client).then().statusCode(200);
        AuditRows.awaitChained("rose-city");
        assertThrows(IllegalStateException.class,
                () -> TestData.sql("update audit_event set actor_name = 'nobody' where client_id = ?::uuid", client.toString()));
        assertThrows(IllegalStateException.class,
                () -> TestData.sql("delete from audit_event where client_id = ?::uuid", client.toString()));
        assertEquals(1, TestData.count("select count(*) from audit_event where client_id = ?::uuid and actor_name = 'Jonas Reyes'",
                client.toString()));
    }
}
