package io.backline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the demo history on, as in dev mode, the demo clinics read as clinics at work, and a restart adds nothing. */
@QuarkusTest
@TestProfile(LivingDemoTest.DemoHistoryOn.class)
class LivingDemoTest {
    /** Dev mode's setting; the only test start that builds the demo history (a database of its own). */
    public static class DemoHistoryOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A second embedded PostgreSQL starting on a busy machine may need longer than the default wait.
            return Map.of("backline.demo.history", "true", "quarkus.embedded.postgresql.startup.wait", "60000");
        }
    }

    @Inject
    DemoHistory demo;

    @Test
    void trainersDashboardShowsAdherenceForEveryClientAndTheirOpenFlags() {
        Document page = page(SignIn.as("rose-trainer"), "/dashboard");
        List<Element> rows = page.select("[data-testid=dashboard] tbody tr");
        assertEquals(3, rows.size(), page.text());
        for (Element row : rows) {
            assertFalse(row.text().contains("No program yet"), row.text());
            assertTrue(row.selectFirst("[data-testid=adherence]").text().matches("\\d+% \\(\\d+/\\d+\\)"), row.text());
        }
        assertTrue(rows.stream().anyMatch(r -> r.select("[data-testid=flags] .badge.level-RED").size() == 1), page.text());
        assertTrue(rows.stream().anyMatch(r -> r.text().contains("paused")), "the red flag paused a program");
        assertTrue(rows.stream().anyMatch(r -> r.text().contains("disengaged")), page.text());
        assertTrue(rows.stream().anyMatch(r -> r.select("[data-testid=unread] .badge").size() == 1), page.text());
        assertEquals("2", page.selectFirst("[data-flag-badge]").text(), "the menu's badge: a red and an amber open");
        assertFalse(page.select("[data-testid=overdue-referrals] li").isEmpty(), "a referral sent a week ago, unanswered");
    }

    @Test
    void everyTrainerSeesReferralsInEveryState() {
        for (String trainer : List.of("rose-trainer", "rose-trainer2", "cedar-trainer", "cedar-trainer2")) {
            String referrals = page(SignIn.as(trainer), "/referrals").select("table").text();
            for (String state : List.of("Draft", "Sent", "Scheduled", "Acknowledged")) {
                assertTrue(referrals.contains(state), trainer + " sees a referral " + state + ": " + referrals);
            }
            // Two drafts: one the client consented to, one waiting for their consent.
            assertEquals(2, TestData.count("""
                    select count(*) from referral r join staff_member s on s.id = r.created_by
                    where s.email like ? || '@%' and r.status = 'DRAFT'
                      and exists (select 1 from referral_consent c where c.referral_id = r.id)""", trainer)
                    + TestData.count("""
                    select count(*) from referral r join staff_member s on s.id = r.created_by
                    where s.email like ? || '@%' and r.status = 'DRAFT'
                      and not exists (select 1 from referral_consent c where c.referral_id = r.id)""", trainer),
                    trainer);
        }
    }

    @Test
    void adminSeesThePendingInvitationAndAnIntactAuditTrail() {
        SignIn.Session admin = SignIn.as("cedar-admin");
        assertTrue(page(admin, "/invitations").text().contains("Marco Silva"));
        String audit = page(admin, "/audit").text();
        // "All N entries check out", or "The one entry checks out" while the sign-ins still wait to be chained.
        assertTrue(audit.contains("check out") || audit.contains("checks out"), audit);
        assertFalse(audit.contains("The trail is broken"), audit);
        assertTrue(audit.contains("Backline demo data"), audit);
    }

    @Test
    void buildingAgainLeavesTheSameHistoryWithoutDuplicates() {
        Map<String, Long> before = counts();
        demo.rebuild();
        assertEquals(before, counts());
        assertEquals(10, before.get("assignment"));
        assertEquals(2, before.get("invitation"));
        assertEquals(0, before.get("mail waiting"), "a dev start emails no one");
        assertTrue(before.get("notification") > 0, "the care team's demo actions notified their clients");
        assertTrue(before.get("session_log") > 100, before.toString());
        String audit = page(SignIn.as("rose-admin"), "/audit").text();
        // "All N entries check out", or "The one entry checks out" while the sign-ins still wait to be chained.
        assertTrue(audit.contains("check out") || audit.contains("checks out"), audit);
        assertFalse(audit.contains("The trail is broken"), audit);
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("assignment", "prescription", "session_log", "symptom_flag", "referral",
                "referral_event", "referral_consent", "message", "message_read", "reminder_settings", "notification")) {
            counts.put(table, TestData.count("select count(*) from " + table));
        }
        counts.put("invitation", TestData.count("select count(*) from invitation where status = 'pending'"));
        counts.put("open flags", TestData.count("select count(*) from symptom_flag where status = 'OPEN'"));
        counts.put("mail waiting", TestData.count("""
                select (select count(*) from alert_outbox where sent_at is null)
                     + (select count(*) from referral_mail where sent_at is null)
                     + (select count(*) from message_mail where sent_at is null)
                     + (select count(*) from notification_mail where sent_at is null)"""));
        return counts;
    }

    private static Document page(SignIn.Session session, String path) {
        return Jsoup.parse(session.request().get(path).then().statusCode(200).extract().asString());
    }
}
