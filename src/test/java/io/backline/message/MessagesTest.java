package io.backline.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client and their care team write to each other: both ways through the pages, unread counts on the menus, the
 * walls between clinics and care teams, bad input, a double submit, shared flag notes, the export and the email.
 */
@QuarkusTest
class MessagesTest {

    @Test
    void clientAndTrainerWriteToEachOtherWithUnreadCountsOnTheMenus() {
        UUID client = demoClient("rose-client2");
        var me = SignIn.as("rose-client2");
        var trainer = SignIn.as("rose-trainer");
        me.open("/today/messages");
        trainer.open("/clients/" + client + "/messages");
        long trainerBefore = unread(trainer);

        me.submit("/today/messages", "/today/messages", Map.of("body", "Is the roller too firm for me?"))
                .then().statusCode(303);
        assertEquals(trainerBefore + 1, unread(trainer), "the trainer's menu counts the client's message");
        String page = trainer.request().get("/clients/" + client + "/messages").then().statusCode(200).extract().asString();
        assertTrue(Jsoup.parse(page).select("[data-testid=message]").text().contains("Is the roller too firm for me?"));
        assertEquals(trainerBefore, unread(trainer), "read once the conversation was opened");

        trainer.submit("/clients/" + client + "/messages", "/clients/" + client + "/messages",
                Map.of("body", "Try a softer one <b>first</b>.")).then().statusCode(303);
        assertEquals(1, unread(me), "the client's menu counts the reply");
        var html = Jsoup.parse(me.request().get("/today").asString());
        assertEquals("1", html.selectFirst("[data-message-badge]").text());
        String mine = me.request().get("/today/messages").then().statusCode(200).extract().asString();
        assertTrue(mine.contains("Try a softer one &lt;b&gt;first&lt;/b&gt;."), "the reply, escaped");
        assertEquals(0, unread(me));
    }

    @Test
    void anotherClinicAndTrainersOffTheCareTeamFindNoConversation() {
        UUID client = demoClient("rose-client1");
        for (String who : new String[] { "rose-trainer2", "cedar-trainer", "cedar-admin" }) {
            SignIn.as(who).request().get("/clients/" + client + "/messages").then().statusCode(404);
        }
        SignIn.as("rose-admin").request().get("/clients/" + client + "/messages").then().statusCode(200);
    }

    @Test
    void anEmptyOrLongMessageOrAnotherClientsFlagIsRefusedWithWhatWasTypedKept() {
        var me = SignIn.as("rose-client3");
        var empty = me.submit("/today/messages", "/today/messages", Map.of("body", "  "));
        empty.then().statusCode(400);
        assertTrue(empty.asString().contains("Write a message of 1 to 2000 characters"));

        String typed = "long words ".repeat(455);
        var tooLong = me.submit("/today/messages", "/today/messages", Map.of("body", typed));
        tooLong.then().statusCode(400);
        assertEquals(typed, Jsoup.parse(tooLong.asString()).selectFirst("textarea[name=body]").wholeText());

        UUID other = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Message Other Client");
        String flag = UUID.randomUUID().toString();
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (?::uuid, 'rose-city', ?::uuid, 'INCREASED_PAIN', 3, 'MIDDLE_THORACIC', 'DURING', 'GREEN', 'test',
                    'OPEN', gen_random_uuid(), gen_random_uuid())""", flag, other.toString());
        var foreign = me.submit("/today/messages", "/today/messages", Map.of("body", "about that", "about", "flag:" + flag));
        foreign.then().statusCode(400);
        assertTrue(foreign.asString().contains("Choose a session or flag from the list"));
        assertEquals(0, TestData.count("select count(*) from message where body = 'about that'"));
    }

    @Test
    void aDoubleSubmitSavesOneMessage() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Message Double Submit");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client + "/messages";
        Map<String, String> hidden = trainer.hiddenFields(page, page);
        Map<String, String> fields = Map.of("body", "Said twice");
        trainer.resubmit(page, page, fields, hidden).then().statusCode(303);
        trainer.resubmit(page, page, fields, hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from message where client_id = ?::uuid", client.toString()));
    }

    @Test
    void aSharedFlagNoteShowsInTheClientsConversation() {
        UUID client = demoClient("rose-client1");
        var trainer = SignIn.as("rose-trainer");
        trainer.submit("/flags/record/" + client, "/flags/record/" + client, Map.of("type", "INCREASED_PAIN",
                "severity", "2", "region", "MIDDLE_THORACIC", "when", "DURING", "description", "a twinge"))
                .then().statusCode(303);
        String flag = TestData.string("select id from symptom_flag where client_id = ?::uuid order by reported_at desc limit 1",
                client.toString());
        trainer.submit("/flags/" + flag, "/flags/" + flag + "/note", Map.of("note", "Shared: ease off a level.", "share", "true"))
                .then().statusCode(303);
        trainer.submit("/flags/" + flag, "/flags/" + flag + "/note", Map.of("note", "Private: watch this one."))
                .then().statusCode(303);
        String mine = SignIn.as("rose-client1").request().get("/today/messages").asString();
        assertTrue(mine.contains("Shared: ease off a level."));
        assertFalse(mine.contains("Private: watch this one."));
    }

    @Test
    void theEmailSaysOnlyTheClinicAndGoesAtMostOnceAnHour() {
        String email = "msg-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Mona Messaged");
        TestData.sql("update client set user_id = gen_random_uuid(), email = ? where id = ?::uuid", email, client.toString());
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client + "/messages";
        trainer.submit(page, page, Map.of("body", "Secret advice one")).then().statusCode(303);
        String mail = MailServer.exactlyOne("To: " + email, Duration.ofSeconds(3));
        assertTrue(mail.contains("You have a new message from Rose City Movement"), mail);
        assertFalse(mail.contains("Secret advice") || mail.contains("Mona"), "no content, no names: " + mail);

        trainer.submit(page, page, Map.of("body", "Secret advice two")).then().statusCode(303);
        MailServer.exactlyOne("To: " + email, Duration.ofSeconds(4));
        assertEquals(1, TestData.count("""
                select count(*) from message_mail w where w.sent_at is null and w.recipient_email = ?
                  and w.send_after >= (select max(sent_at) + interval '59 minutes' from message_mail
                                       where recipient_email = ? and sent_at is not null)""", email, email),
                "the second waits for the hour");
    }

    @Test
    void aPersonWhoTurnedTheEmailOffGetsNone() {
        var me = SignIn.as("rose-client4");
        me.submit("/today/messages", "/today/messages/email", Map.of()).then().statusCode(303);
        assertTrue(me.request().get("/today/messages").asString().contains("Email me about new messages"));
        UUID client = demoClient("rose-client4");
        var trainer = SignIn.as("rose-trainer2");
        String page = "/clients/" + client + "/messages";
        trainer.submit(page, page, Map.of("body", "No email for this one")).then().statusCode(303);
        assertEquals(0, TestData.count("select count(*) from message_mail w join client c on c.user_id = w.recipient_user_id"
                + " where c.id = ?::uuid", client.toString()));
        me.submit("/today/messages", "/today/messages/email", Map.of()).then().statusCode(303);
        assertTrue(me.request().get("/today/messages").asString().contains("Turn these emails off"));
    }

    @Test
    void theConversationPageCostsTheSameWithManyMessages() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Message Statement Count");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client + "/messages";
        insertMessages(client, 1);
        long few = StatementCount.fewestOfThree(() -> trainer.request().get(page).then().statusCode(200));
        insertMessages(client, 30);
        long many = StatementCount.fewestOfThree(() -> trainer.request().get(page).then().statusCode(200));
        assertEquals(few, many, "statements do not grow with the messages");
        assertTrue(many <= 8, "a handful of statements: " + many);
    }

    @Test
    void theExportHoldsTheConversation() throws IOException {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Message Export");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client + "/messages";
        trainer.submit(page, page, Map.of("body", "Exported words")).then().statusCode(303);
        byte[] zip = SignIn.as("rose-admin").request().get("/clients/" + client + "/records/export").then().statusCode(200)
                .extract().asByteArray();
        String csv = null;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                if (entry.getName().equals("messages.csv")) {
                    csv = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(csv != null && csv.contains("Exported words"), "messages.csv: " + csv);
    }

    private static void insertMessages(UUID client, int count) {
        for (int i = 0; i < count; i++) {
            TestData.sql("""
                    insert into message (id, clinic_id, client_id, author_user_id, author_name, from_client, body, request_key)
                    values (gen_random_uuid(), 'rose-city', ?::uuid, gen_random_uuid(), 'Test', true, 'hello', gen_random_uuid())""",
                    client.toString());
        }
    }

    private static long unread(SignIn.Session session) {
        return session.request().get("/messages/count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private static UUID demoClient(String username) {
        return UUID.fromString(TestData.string("select id from client where clinic_id = 'rose-city' and email like ?",
                username + "@%"));
    }
}
