package io.backline.reminder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestClock;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SessionRemindersTest {
    private static final String CLINIC = "rose-city";
    private static final String SUBJECT = "Your session today at " + Demo.ROSE;
    private static final String ALL_DAYS = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";

    @AfterEach
    void realTime() {
        TestClock.reset();
        TestData.sql("delete from reminder_settings where client_id = ?::uuid", Demo.clientId("rose-client1").toString());
    }

    @Test
    void aReminderGoesOutAtTheChosenTimeOnlyToClientsWithASessionDue() throws Exception {
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        LocalDate today = LocalDate.now(zone);
        ZonedDateTime early = today.atTime(LocalTime.of(6, 59, 30)).atZone(zone);
        TestClock.set(early.toInstant());

        UUID due = client("Due Today", today, "07:00", ALL_DAYS);
        UUID early630 = client("Earlier Riser", today, "06:30", ALL_DAYS);
        UUID done = client("Done Already", today, "07:00", ALL_DAYS);
        UUID paused = client("Paused Program", today, "07:00", ALL_DAYS);
        UUID unsubscribed = client("Unsubscribed Client", today, "07:00", ALL_DAYS);
        UUID otherDay = client("Other Day", today, "07:00", today.getDayOfWeek().plus(1).name());
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                    feeling, idempotency_key)
                select gen_random_uuid(), clinic_id, id, client_id, ?, '{60,60,60}', 1, 'GOOD', gen_random_uuid()
                from assignment where client_id = ?::uuid""", today, done.toString());
        TestData.setStatus(paused, "PAUSED");
        // Signed out, with no cookie: the mail client's one-click POST.
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(io.quarkus.arc.Arc.container().instance(io.backline.notify.UnsubscribeLinks.class).get()
                        .token("reminders", CLINIC, unsubscribed).transform(io.backline.notify.OneClickUnsubscribe::path))
                .then().statusCode(200);

        // Before 07:00 only the 06:30 reminder goes; the 07:00 ones wait.
        String earlier = awaitReminderTo(early630);
        assertTrue(earlier.contains("A session is planned for today."), earlier);
        assertEquals(0, sessionRows(due), "a 07:00 reminder was written at 06:59");

        TestClock.set(early.plusMinutes(1).toInstant());
        String reminder = awaitReminderTo(due);
        for (UUID none : List.of(done, paused, unsubscribed, otherDay)) {
            assertEquals(0, sessionRows(none), "a reminder was written for a client with no session due");
        }
        assertTrue(MailServer.messages().stream().noneMatch(message -> message.contains(SUBJECT)
                && List.of(done, paused, unsubscribed, otherDay).stream().anyMatch(id -> message.contains(id.toString()))));
        // Nothing about health: no name, no program, no symptoms.
        assertFalse(reminder.contains("Due Today"), reminder);
        assertFalse(reminder.toLowerCase().contains("roller"), reminder);

        MimeMessage mail = MailServer.received().stream().filter(message -> recipient(message).startsWith(due.toString()))
                .findFirst().orElseThrow();
        String listUnsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertNotNull(listUnsubscribe);
        assertTrue(listUnsubscribe.matches("<http://localhost:8081/unsubscribe/one-click/[^>]+>"), listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));

        // The link in the body works signed out: a confirm page, then its button.
        String link = MailServer.link(reminder, "http://localhost:8081/unsubscribe/");
        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0");
        given().get(tampered).then().statusCode(404).body(containsString("This link does not work"));
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(listUnsubscribe.substring(1, listUnsubscribe.length() - 2) + "x").then().statusCode(404);
        assertEquals("true", TestData.string("select email_on::text from reminder_settings where client_id = ?::uuid",
                due.toString()));

        Response page = given().get(link);
        page.then().statusCode(200).body(containsString("Stop the session reminder emails?"));
        Document html = Jsoup.parse(page.asString());
        String csrf = html.selectFirst("input[name=csrf-token]").val();
        given().redirects().follow(false).cookies(page.getCookies()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf).post(link.substring("http://localhost:8081".length()))
                .then().statusCode(303);
        assertEquals("false", TestData.string("select email_on::text from reminder_settings where client_id = ?::uuid",
                due.toString()));
        given().get(link).then().statusCode(200).body(containsString("You get no session reminder emails"));
    }

    @Test
    void aWeekThatEndedBelowTargetGetsOneNudge() {
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        LocalDate today = LocalDate.now(zone);
        TestClock.set(today.atTime(LocalTime.of(5, 0, 30)).atZone(zone).toInstant());
        UUID behind = client("Behind Last Week", today.minusWeeks(2), "05:00", "");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.awaitMessagesContaining(
                behind.toString(), 1, Duration.ZERO, "A new week with " + Demo.ROSE).isEmpty());
        assertEquals(1, TestData.count("select count(*) from reminder_outbox where client_id = ?::uuid and kind = 'MISSED_WEEK'",
                behind.toString()));
    }

    @Test
    void theWeeksAreTheSettableClocksNotTheServers() {
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        LocalDate today = LocalDate.now(zone);
        // Two Mondays ahead: the week that just ended there is one the server's own date has not reached.
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        TestClock.set(monday.atTime(LocalTime.of(5, 0, 30)).atZone(zone).toInstant());
        UUID behind = client("Behind Next Week", today.minusWeeks(2), "05:00", "");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.awaitMessagesContaining(
                behind.toString(), 1, Duration.ZERO, "A new week with " + Demo.ROSE).isEmpty());
        assertEquals(monday.minusWeeks(1).toString(), TestData.string(
                "select due_on::text from reminder_outbox where client_id = ?::uuid and kind = 'MISSED_WEEK'",
                behind.toString()));
    }

    @Test
    void theSettingsFormRefusesBadInputAndKeepsWhatWasTyped() {
        SignIn.Session client = SignIn.as("rose-client1");
        client.request().get("/today").then().body(containsString("/today/reminders"));
        client.request().get("/today/reminders").then().statusCode(200).body(containsString("Session reminders"));
        Response refused = client.submit("/today/reminders", "/today/reminders", Map.of("days", List.of("MONDAY", "Funday"),
                "time", "25:61", "quietFrom", "22:00", "quietUntil", "", "emailOn", "on"));
        refused.then().statusCode(400);
        Document html = Jsoup.parse(refused.asString());
        assertTrue(html.text().contains("“Funday” is not a day of the week"), html.text());
        assertTrue(html.text().contains("Enter a time of day from 00:00 to 23:59"), html.text());
        assertTrue(html.text().contains("Enter both ends of the quiet hours"), html.text());
        assertEquals("25:61", html.selectFirst("input[name=time]").val());
        assertEquals("22:00", html.selectFirst("input[name=quietFrom]").val());
        assertTrue(html.selectFirst("input[name=days][value=MONDAY]").hasAttr("checked"));
        assertEquals(0, TestData.count("select count(*) from reminder_settings where client_id = ?::uuid",
                Demo.clientId("rose-client1").toString()));

        Response quiet = client.submit("/today/reminders", "/today/reminders", Map.of("days", List.of("MONDAY"),
                "time", "23:00", "quietFrom", "22:00", "quietUntil", "07:00", "emailOn", "on"));
        quiet.then().statusCode(400).body(containsString("This time falls in your quiet hours"));

        client.submit("/today/reminders", "/today/reminders", Map.of("days", List.of("TUESDAY", "FRIDAY"), "time", "7:15"))
                .then().statusCode(303);
        assertEquals("TUESDAY,FRIDAY|07:15:00|false", TestData.string(
                "select days || '|' || remind_at::text || '|' || email_on::text from reminder_settings where client_id = ?::uuid",
                Demo.clientId("rose-client1").toString()));
    }

    /** A client with an active program from this week's Monday (or {@code start}) and reminder settings. */
    private static UUID client(String name, LocalDate today, String time, String days) {
        UUID id = TestData.clientOnCareTeam(CLINIC, "rose-trainer", name);
        LocalDate start = today.isBefore(LocalDate.now().minusDays(7)) ? today
                : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        TestData.assignBuiltInProgram(CLINIC, id, "rose-trainer", start, 3);
        TestData.sql("insert into reminder_settings (client_id, clinic_id, days, remind_at) values (?::uuid, ?, ?, ?::time)",
                id.toString(), CLINIC, days, time);
        return id;
    }

    private static String awaitReminderTo(UUID client) {
        List<String> found = MailServer.awaitMessagesContaining("To: " + client, 1, Duration.ofSeconds(30), SUBJECT);
        assertEquals(1, found.size(), "no reminder reached " + client);
        return found.get(0);
    }

    private static long sessionRows(UUID client) {
        return TestData.count("select count(*) from reminder_outbox where client_id = ?::uuid and kind = 'SESSION'",
                client.toString());
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
