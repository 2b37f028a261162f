package io.backline.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard lists open flags first by level, then the disengaged, then the rest by name; the flag cell links. */
@QuarkusTest
class NeedsAttentionFirstTest {

    @Test
    void flaggedClientsComeFirstByLevelThenTheDisengagedThenByName() {
        UUID fine = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Aaa Attention Fine");
        TestData.assignBuiltInProgram("cedar-hills", fine, "cedar-trainer", LocalDate.now(), 3);
        UUID quiet = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Zzq Attention Quiet");
        TestData.sql("update assignment set created_at = now() - interval '30 days' where id = ?::uuid",
                TestData.assignBuiltInProgram("cedar-hills", quiet, "cedar-trainer", LocalDate.now().minusDays(30), 3)
                        .toString());
        UUID red = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Zzr Attention Red");
        flag(red, "RED", "OPEN");
        flag(red, "AMBER", "ACKNOWLEDGED");
        flag(red, "EMERGENCY", "RESOLVED");
        UUID emergency = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Zzz Attention Emergency");
        flag(emergency, "EMERGENCY", "OPEN");

        var html = Jsoup.parse(SignIn.as("cedar-trainer").request().get("/dashboard").asString());
        List<String> order = html.select("[data-testid=dashboard] tbody tr").stream()
                .map(row -> row.selectFirst("th").text()).filter(name -> name.contains("Attention")).toList();
        assertEquals(List.of("Zzz Attention Emergency", "Zzr Attention Red", "Zzq Attention Quiet disengaged",
                "Aaa Attention Fine"), order);

        Element redFlags = html.selectFirst("[data-testid=row-" + red + "] [data-testid=flags] a");
        assertEquals("2 open · Red", redFlags.text(), "a resolved emergency no longer counts");
        assertEquals("/clients/" + red + "#flags-title", redFlags.attr("href"));
        assertEquals("—", html.selectFirst("[data-testid=row-" + fine + "] [data-testid=flags]").text());
        assertTrue(html.selectFirst("[data-testid=sort-order]").text().startsWith("Needs attention first"));
    }

    @Test
    void unreadMessagesFromAClientComeAfterTheFlagsAndLinkToTheConversation() {
        UUID writing = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Zzw Unread Writer");
        UUID silent = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Aab Unread Silent");
        UUID flagged = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Zzx Unread Flagged");
        flag(flagged, "AMBER", "OPEN");
        for (int i = 0; i < 2; i++) {
            TestData.sql("""
                    insert into message (id, clinic_id, client_id, author_user_id, author_name, from_client, body, request_key)
                    values (gen_random_uuid(), 'cedar-hills', ?::uuid, gen_random_uuid(), 'The client', true, 'Sore today?',
                        gen_random_uuid())""", writing.toString());
        }
        var trainer = SignIn.as("cedar-trainer");

        var html = Jsoup.parse(trainer.request().get("/dashboard").asString());
        List<String> order = html.select("[data-testid=dashboard] tbody tr").stream()
                .map(row -> row.selectFirst("th").text()).filter(name -> name.contains("Unread")).toList();
        assertEquals(List.of("Zzx Unread Flagged", "Zzw Unread Writer", "Aab Unread Silent"), order);
        Element unread = html.selectFirst("[data-testid=row-" + writing + "] [data-testid=unread] a");
        assertEquals("2 unread", unread.text());
        assertEquals("/clients/" + writing + "/messages", unread.attr("href"));
        assertEquals("—", html.selectFirst("[data-testid=row-" + silent + "] [data-testid=unread]").text());

        trainer.request().get(unread.attr("href")).then().statusCode(200);
        var afterReading = Jsoup.parse(trainer.request().get("/dashboard").asString());
        assertEquals("—", afterReading.selectFirst("[data-testid=row-" + writing + "] [data-testid=unread]").text(),
                "read once the trainer opened the conversation");
    }

    private static void flag(UUID client, String level, String status) {
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), 'cedar-hills', ?::uuid, 'INCREASED_PAIN', 8, 'MIDDLE_THORACIC', 'AFTER',
                    ?, 'Sorted in a test', ?, gen_random_uuid(), gen_random_uuid())""", client.toString(), level, status);
    }
}
