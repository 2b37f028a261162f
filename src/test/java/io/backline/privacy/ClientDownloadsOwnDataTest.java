package io.backline.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A client takes a copy of their own data from their account, without asking the clinic. */
@QuarkusTest
class ClientDownloadsOwnDataTest {

    /** An ended assignment (so no open one is disturbed) with one session and one flag, each with its own text. */
    private static void historyOf(UUID client, String sessionNote, String flagText) {
        String assignment = UUID.randomUUID().toString();
        TestData.sql("""
                insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key,
                    created_by, ended_at)
                select ?::uuid, v.clinic_id, ?::uuid, v.program_id, v.id, 'ENDED', gen_random_uuid(), ?::uuid, now()
                from program_version v join program p on p.id = v.program_id
                where p.clinic_id = 'rose-city' and p.built_in_key is not null""",
                assignment, client.toString(), Demo.staffId("rose-trainer").toString());
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds, discomfort,
                    feeling, note, idempotency_key) values (gen_random_uuid(), 'rose-city', ?::uuid, ?::uuid, ?,
                    '{60}', 1, 'GOOD', ?, gen_random_uuid())""",
                assignment, client.toString(), LocalDate.now().minusYears(3), sessionNote);
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, description, level,
                    explanation, status, reported_by, request_key, reported_at, resolved_at)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'INCREASED_PAIN', 2, 'MIDDLE_THORACIC', 'AFTER', ?,
                    'GREEN', 'Mild', 'RESOLVED', gen_random_uuid(), gen_random_uuid(), now() - interval '3 years', now())""",
                client.toString(), flagText);
    }

    private static List<String> entries(byte[] zip, StringBuilder everything) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                everything.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /** A client of Rose City with an account of their own, who has answered the pre-exercise questions. */
    private static UUID clientWithAccount(String username, String fullName) {
        String userId = KeycloakAdmin.createUser(username, username + "@test.example", List.of("client"), List.of("rose-city"));
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", fullName);
        TestData.sql("update client set user_id = ?::uuid, screened_at = now() where id = ?::uuid", userId, client.toString());
        return client;
    }

    @Test
    void theClientDownloadsTheirOwnRecordAndNothingOfAnotherClient() throws IOException {
        String username = "downloader-" + UUID.randomUUID().toString().substring(0, 8);
        UUID me = clientWithAccount(username, "Dana Download");
        UUID other = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Olive Other");
        String mine = "Own note " + UUID.randomUUID();
        String theirs = "Other note " + UUID.randomUUID();
        historyOf(me, mine, mine + " (flag)");
        historyOf(other, theirs, theirs + " (flag)");

        var client = SignIn.as(username);
        var today = client.request().get("/today");
        today.then().statusCode(200);
        assertEquals("/today/my-data", Jsoup.parse(today.asString()).selectFirst("[data-testid=download-my-data]").attr("href"),
                "the client's own page links to the download");
        var response = client.request().get("/today/my-data");
        response.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", containsString("no-store"));
        StringBuilder everything = new StringBuilder();
        List<String> files = entries(response.asByteArray(), everything);
        assertTrue(files.containsAll(List.of("client.json", "sessions.csv", "symptom-flags.csv", "profile.csv")));

        JsonNode json;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            while (!in.getNextEntry().getName().equals("client.json")) {
                // skip to the JSON file
            }
            json = new ObjectMapper().readTree(in.readAllBytes());
        }
        assertEquals(me.toString(), json.get("profile").get(0).get("id").asText());
        assertEquals("Dana Download", json.get("profile").get(0).get("full_name").asText());
        List<String> sessionNotes = new ArrayList<>();
        json.get("sessions").forEach(session -> {
            assertEquals(me.toString(), session.get("client_id").asText());
            sessionNotes.add(session.get("note").asText());
        });
        assertTrue(sessionNotes.contains(mine), "the client's own session is in it");
        List<String> flagTexts = new ArrayList<>();
        json.get("symptom-flags").forEach(flag -> {
            assertEquals(me.toString(), flag.get("client_id").asText());
            flagTexts.add(flag.get("description").asText());
        });
        assertTrue(flagTexts.contains(mine + " (flag)"), "the client's own flag is in it");

        String all = everything.toString();
        assertFalse(all.contains(theirs), "another client's session or flag is not in it");
        assertFalse(all.contains(other.toString()), "another client's id is not in it");
        assertFalse(all.contains("Olive Other"), "another client's name is not in it");
        assertEquals(1, TestData.count("""
                select count(*) from audit_trail where client_id = ?::uuid and action = 'exported data'
                    and actor_user_id = ?::uuid""", me.toString(), KeycloakAdmin.userIdByEmail(username + "@test.example")),
                "the download is in the audit trail, as the client's own");
    }

    @Test
    void staffHaveNoDownloadOfTheirOwn() {
        SignIn.as("rose-trainer").request().get("/today/my-data").then().statusCode(403);
        SignIn.as("rose-admin").request().get("/today/my-data").then().statusCode(403);
    }
}
