package io.backline.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestClock;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the care team does reaches the client: in their list (with the menu's count, each opening its page) and in one
 * email per burst that says nothing about health and can be turned off with one click, signed out.
 */
@QuarkusTest
class ClientNotificationsTest {
    private static final String CLINIC = "rose-city";
    private static final String SUBJECT = Demo.ROSE + " has an update for you in Backline";
    private static final String QUIET_ALDER = "28125ae7-65b8-5a2f-a4d8-38abe064bba1";

    private UUID demoClient;
    private String userId;
    private UUID client;
    private UUID assignment;
    private String email;
    private SignIn.Session trainer;

    /** A new client of Rose City, signed in through rose-client5's account (handed back afterwards). */
    @BeforeEach
    void aClientOfTheirOwn() {
        demoClient = Demo.clientId("rose-client5");
        userId = TestData.string("select user_id::text from client where id = ?::uuid", demoClient.toString());
        client = TestData.clientOnCareTeam(CLINIC, "rose-trainer", "Nora Notified");
        assignment = TestData.assignBuiltInProgram(CLINIC, client, "rose-trainer", LocalDate.now().minusDays(3), 3);
        email = client + "@test.example";
        TestData.sql("update client set user_id = null where id = ?::uuid", demoClient.toString());
        TestData.sql("update client set user_id = ?::uuid, screened_at = now() where id = ?::uuid", userId,
                client.toString());
        trainer = SignIn.as("rose-trainer");
    }

    @AfterEach
    void accountBack() {
        TestClock.reset();
        TestData.sql("update client set user_id = null where id = ?::uuid", client.toString());
        TestData.sql("update client set user_id = ?::uuid where id = ?::uuid", userId, demoClient.toString());
    }

    @Test
    void eachKindReachesTheClientsListAndAnEmailThatSaysNothingAboutHealth() throws Exception {
        var me = SignIn.as("rose-client5");
        String flag = openFlag();
        Map<String, Runnable> steps = new java.util.LinkedHashMap<>();
        steps.put("PROGRAM_PAUSED", () -> pause("Sore after the weekend"));
        steps.put("PROGRAM_RESUMED", () -> staffPost("/resume", Map.of("reason", "Feeling better")));
        steps.put("PROGRAM_CHANGED", () -> staffPost("/prescription", prescription("120")));
        steps.put("REPORT_ANSWERED", () -> trainer.submit("/flags/" + flag, "/flags/" + flag + "/acknowledge",
                Map.of("note", "Seen")).then().statusCode(303));
        steps.put("NOTE_SHARED", () -> trainer.submit("/flags/" + flag, "/flags/" + flag + "/note",
                Map.of("note", "Ice the rhomboids", "share", "true")).then().statusCode(303));
        steps.put("CONSENT_REQUESTED", this::draftReferral);
        steps.put("PROGRAM_ENDED", () -> staffPost("/end", Map.of("reason", "Goals met")));
        int sent = 0;
        for (var step : steps.entrySet()) {
            step.getValue().run();
            assertEquals(1, TestData.count("select count(*) from notification where client_id = ?::uuid and kind = ?",
                    client.toString(), step.getKey()), step.getKey() + " is in the client's list");
            sent++;
            assertEquals(sent, MailServer.awaitMessagesContaining("To: " + email, sent, Duration.ofSeconds(30), SUBJECT)
                    .size(), "an email after " + step.getKey());
        }

        for (String mail : MailServer.awaitMessagesContaining("To: " + email, sent, Duration.ZERO, SUBJECT)) {
            String words = mail.replaceAll("http\\S+", ""); // a signed token is random letters
            for (String health : List.of("Nora", "Sore", "rhomboid", "Ice", "paused", "program", "Quiet Alder", "symptom",
                    "referral", "Goals")) {
                assertFalse(words.contains(health), "the email says " + health + ":\n" + mail);
            }
            assertTrue(mail.contains("http://localhost:8081/today/notifications"), mail);
        }

        assertEquals(steps.size(), unread(me), "the menu counts them");
        Document today = Jsoup.parse(me.request().get("/today").asString());
        assertEquals(String.valueOf(steps.size()), today.selectFirst("[data-notification-badge]").text());
        Document list = Jsoup.parse(me.request().get("/today/notifications").then().statusCode(200).extract().asString());
        assertEquals(steps.keySet().stream().toList().reversed(), list.select("[data-kind]").eachAttr("data-kind"),
                "newest first");
        assertTrue(list.text().contains("Your care team paused your program. Please don't do the exercise until they resume it."));
        assertFalse(list.text().contains("Sore after the weekend"), "the list names no details");
        assertEquals(0, unread(me), "read once seen");

        String referral = TestData.string("select id::text from referral where client_id = ?::uuid", client.toString());
        assertEquals("http://localhost:8081/today/referrals/" + referral, open(me, "CONSENT_REQUESTED"));
        assertEquals("http://localhost:8081/today", open(me, "PROGRAM_PAUSED"));
        assertEquals("http://localhost:8081/today/flags/" + flag, open(me, "REPORT_ANSWERED"));
        assertEquals("http://localhost:8081/today/messages", open(me, "NOTE_SHARED"));
    }

    @Test
    void withEmailsOffNoneIsSentButTheListStillShowsIt() {
        var me = SignIn.as("rose-client5");
        me.submit("/today/reminders", "/today/reminders/notifications", Map.of()).then().statusCode(303);
        assertTrue(me.request().get("/today/reminders").asString().contains("Email me about updates"));

        pause("Away this week");
        assertEquals(1, TestData.count("select count(*) from notification where client_id = ?::uuid", client.toString()));
        assertEquals(0, TestData.count("select count(*) from notification_mail where client_id = ?::uuid", client.toString()));
        assertEquals(List.of(), MailServer.awaitMessagesContaining("To: " + email, 1, Duration.ofSeconds(5), SUBJECT));
        assertEquals(1, unread(me));

        me.submit("/today/reminders", "/today/reminders/notifications", Map.of()).then().statusCode(303);
        staffPost("/resume", Map.of("reason", "Back"));
        assertEquals(1, MailServer.awaitMessagesContaining("To: " + email, 1, Duration.ofSeconds(30), SUBJECT).size(),
                "on again, the next change emails");
    }

    @Test
    void aBurstOfChangesSendsOneEmail() {
        Instant start = Instant.now();
        TestClock.set(start);
        pause("Travelling");
        staffPost("/resume", Map.of("reason", "Back"));
        staffPost("/prescription", prescription("90"));
        assertEquals(3, TestData.count("select count(*) from notification where client_id = ?::uuid", client.toString()));
        assertEquals(List.of(), MailServer.awaitMessagesContaining("To: " + email, 1, Duration.ofSeconds(2), SUBJECT),
                "nothing before the burst's window ends");

        TestClock.set(start.plusSeconds(10));
        MailServer.exactlyOne("To: " + email, Duration.ofSeconds(3), SUBJECT);
    }

    @Test
    void theOneClickUnsubscribeTurnsOffTheRightEmailsSignedOut() throws Exception {
        pause("Travelling");
        MimeMessage update = awaitMail(SUBJECT);
        String header = update.getHeader("List-Unsubscribe", null);
        assertNotNull(header);
        assertTrue(header.matches("<http://localhost:8081/unsubscribe/one-click/[^>]+>"), header);
        assertEquals("List-Unsubscribe=One-Click", update.getHeader("List-Unsubscribe-Post", null));
        String oneClick = header.substring(1, header.length() - 1);
        String tampered = oneClick.substring(0, oneClick.length() - 1) + (oneClick.endsWith("0") ? "1" : "0");

        oneClick(tampered).then().statusCode(404);
        assertEquals(0, TestData.count("select count(*) from notification_mail_off where client_id = ?::uuid", client.toString()));
        oneClick(oneClick).then().statusCode(200);
        assertEquals(1, TestData.count("select count(*) from notification_mail_off where client_id = ?::uuid", client.toString()));
        assertEquals(0, TestData.count("select count(*) from message_mail_off where user_id = ?::uuid", userId),
                "an update link turns off updates only");
        String page = MailServer.link(MailServer.awaitMessagesContaining("To: " + email, 1, Duration.ZERO, SUBJECT).get(0),
                "http://localhost:8081/unsubscribe/");
        given().get(page).then().statusCode(200);
        assertTrue(given().get(page).asString().contains("You get no update emails"));

        // The "new message" email carries its own link, which turns off message emails.
        String conversation = "/clients/" + client + "/messages";
        trainer.submit(conversation, conversation, Map.of("body", "How did it go?")).then().statusCode(303);
        MimeMessage message = awaitMail("You have a new message from " + Demo.ROSE);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
        String messageHeader = message.getHeader("List-Unsubscribe", null);
        oneClick(messageHeader.substring(1, messageHeader.length() - 1)).then().statusCode(200);
        assertEquals(1, TestData.count("select count(*) from message_mail_off where user_id = ?::uuid", userId));
        TestData.sql("delete from message_mail_off where user_id = ?::uuid", userId);
    }

    @Test
    void anotherClinicsOrClientsPeopleNeverSeeThem() {
        pause("Travelling");
        String id = TestData.string("select id::text from notification where client_id = ?::uuid", client.toString());
        for (String other : List.of("cedar-client1", "rose-client1")) {
            var session = SignIn.as(other);
            session.request().get("/today/notifications/" + id).then().statusCode(404);
            assertFalse(session.request().get("/today/notifications").asString().contains(id));
        }
        assertEquals(1, TestData.count("select count(*) from notification where id = ?::uuid and read_at is null", id),
                "still unread");
    }

    @Test
    void theExportHoldsTheEmailSettingsAndNotifications() throws IOException {
        var me = SignIn.as("rose-client5");
        TestData.sql("insert into reminder_settings (client_id, clinic_id, days, remind_at) values (?::uuid, ?, 'MONDAY', '07:30')",
                client.toString(), CLINIC);
        TestData.sql("""
                insert into calendar_feed (id, clinic_id, client_id, token_hash)
                values (gen_random_uuid(), ?, ?::uuid, 'feedhashnotexported')""", CLINIC, client.toString());
        me.submit("/today/reminders", "/today/reminders/notifications", Map.of()).then().statusCode(303);
        pause("Travelling");

        String json = clientJson(me.request().get("/today/my-data").then().statusCode(200).extract().asByteArray());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("MONDAY", tree.at("/reminder-settings/0/days").asText());
        assertEquals("07:30:00", tree.at("/reminder-settings/0/remind_at").asText());
        assertEquals(1, tree.at("/calendar-feed").size());
        assertFalse(json.contains("feedhashnotexported"), "the calendar secret's hash stays out");
        assertTrue(tree.at("/email-preferences/0/reminder_emails").asBoolean());
        assertTrue(tree.at("/email-preferences/0/message_emails").asBoolean());
        assertFalse(tree.at("/email-preferences/0/update_emails").asBoolean());
        assertEquals("PROGRAM_PAUSED", tree.at("/notifications/0/kind").asText());
    }

    private void pause(String reason) {
        staffPost("/pause", Map.of("reason", reason));
    }

    private void staffPost(String action, Map<String, ?> fields) {
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments/" + assignment + action, fields).then().statusCode(303);
    }

    private void draftReferral() {
        String page = "/referrals/new?provider=" + QUIET_ALDER + "&client=" + client;
        Map<String, Object> fields = new HashMap<>();
        fields.put("reason", "Tight rhomboids limit the extension at level two");
        fields.put("urgency", "SOON");
        fields.put("message", "");
        trainer.submit(page, "/referrals", fields).then().statusCode(303);
    }

    private String openFlag() {
        String id = UUID.randomUUID().toString();
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, reported_by_staff, request_key, source)
                values (?::uuid, ?, ?::uuid, 'INCREASED_PAIN', 4, 'MIDDLE_THORACIC', 'AFTER', 'AMBER', 'Test flag',
                    'OPEN', ?::uuid, false, gen_random_uuid(), 'FORM')""", id, CLINIC, client.toString(), userId);
        return id;
    }

    private static Map<String, Object> prescription(String holdSeconds) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("holdSeconds", holdSeconds);
        fields.put("levels", "3");
        fields.put("sessionsPerWeek", "3");
        fields.put("startDate", LocalDate.now().minusDays(3).toString());
        fields.put("endDate", LocalDate.now().plusWeeks(6).toString());
        return fields;
    }

    /** Where opening the newest notification of this kind leads. */
    private String open(SignIn.Session me, String kind) {
        String id = TestData.string("""
                select id::text from notification where client_id = ?::uuid and kind = ? order by created_at desc limit 1""",
                client.toString(), kind);
        return me.request().get("/today/notifications/" + id).then().statusCode(303).extract().header("Location");
    }

    private static long unread(SignIn.Session session) {
        return session.request().get("/today/notifications/count").then().statusCode(200).extract().jsonPath()
                .getLong("unread");
    }

    private static io.restassured.response.Response oneClick(String address) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post(address);
    }

    private MimeMessage awaitMail(String subject) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.received().stream()
                .filter(message -> recipient(message).equals(email) && subject(message).equals(subject))
                .reduce((first, second) -> second), java.util.Optional::isPresent).get();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clientJson(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (!in.getNextEntry().getName().equals("client.json")) {
                // skip to the JSON file
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
