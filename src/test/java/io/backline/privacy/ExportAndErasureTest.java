package io.backline.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A client's data on request: the export holds everything about them; erasure removes what identifies them. */
@QuarkusTest
class ExportAndErasureTest {

    /** A Rose City client with a program (with trainer notes), two sessions with notes, and a flag with a description. */
    private static UUID clientWithHistory(String name) {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", name);
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3", "sessionsPerWeek", "3",
                "startDate", LocalDate.now().minusDays(10).toString(), "endDate", "", "notes", "Go gently on level three"))
                .then().statusCode(303);
        String assignment = TestData.string("select id from assignment where client_id = ?::uuid", client.toString());
        for (int day = 1; day <= 2; day++) {
            TestData.sql("""
                    insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                        discomfort, feeling, note, idempotency_key) values (gen_random_uuid(), 'rose-city', ?::uuid,
                        ?::uuid, ?, '{60,60,60}', 2, 'GOOD', 'Felt loose after the walk to 23rd Avenue', gen_random_uuid())""",
                    assignment, client.toString(), LocalDate.now().minusDays(day));
        }
        Map<String, Object> flag = new HashMap<>(Map.of("type", "INCREASED_PAIN", "severity", "3", "region", "MIDDLE_THORACIC",
                "when", "DURING", "description", "Ache near my left shoulder blade"));
        trainer.submit("/flags/record/" + client, "/flags/record/" + client, flag).then().statusCode(303);
        String safety = page + "/safety";
        Map<String, Object> answers = new HashMap<>();
        for (var question : io.backline.safety.ScreeningQuestion.values()) {
            answers.put(question.name(), question == io.backline.safety.ScreeningQuestion.HYPERMOBILITY ? "yes" : "no");
        }
        trainer.submit(safety + "/screening", safety + "/screening", answers).then().statusCode(303);
        trainer.submit(safety, safety + "/clearances", Map.of("professionalName", "Dr. Wren Osei", "professionalRole",
                "PHYSICAL_THERAPIST", "clearedOn", LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).toString(),
                "note", "Lax shoulders; keep the hands behind the head")).then().statusCode(303);
        return client;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void theExportHoldsTheClientsDataAsJsonAndCsvAndIsAudited() throws IOException {
        UUID client = clientWithHistory("Export Person");
        var admin = SignIn.as("rose-admin");
        var response = admin.request().get("/clients/" + client + "/records/export");
        response.then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("attachment"));
        Map<String, byte[]> files = unzip(response.asByteArray());

        JsonNode json = new ObjectMapper().readTree(files.get("client.json"));
        assertEquals("Export Person", json.get("profile").get(0).get("full_name").asText());
        assertEquals(2, json.get("sessions").size());
        assertEquals("Ache near my left shoulder blade", json.get("symptom-flags").get(0).get("description").asText());
        assertEquals("Jonas Reyes", json.get("care-team").get(0).get("trainer").asText());
        assertEquals("Go gently on level three", json.get("prescriptions").get(0).get("notes").asText());
        assertEquals("HYPERMOBILITY", json.get("screenings").get(0).get("yes_answers").get(0).asText());
        assertEquals("Lax shoulders; keep the hands behind the head", json.get("clearances").get(0).get("note").asText());

        List<CSVRecord> sessions = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(files.get("sessions.csv"), StandardCharsets.UTF_8))).getRecords();
        assertEquals(2, sessions.size());
        assertEquals("Felt loose after the walk to 23rd Avenue", sessions.get(0).get("note"));
        assertTrue(new String(files.get("referral-drafts.csv"), StandardCharsets.UTF_8).startsWith("id,"),
                "an empty section still has its header row");
        assertTrue(files.keySet().containsAll(List.of("profile.csv", "symptom-flags.csv", "flag-notes.csv", "access-log.csv",
                "screenings.csv", "clearances.csv")));
        assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = 'exported data'",
                client.toString()));
    }

    private static List<CSVRecord> csv(Map<String, byte[]> files, String name) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(files.get(name), StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPlainTextInTheCsv() throws IOException {
        String formula = "=HYPERLINK(\"http://attacker.example\",\"open\")";
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Formula Person");
        TestData.sql("update client set notes = ?, phone = ? where id = ?::uuid", formula, "+1 503 555 0100",
                client.toString());
        String assignment = TestData.assignBuiltInProgram("rose-city", client, "rose-trainer",
                LocalDate.now().minusDays(10), 3).toString();
        TestData.sql("""
                insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                    discomfort, feeling, note, idempotency_key) values (gen_random_uuid(), 'rose-city', ?::uuid,
                    ?::uuid, ?, '{60,60,60}', 2, 'GOOD', ?, gen_random_uuid())""",
                assignment, client.toString(), LocalDate.now().minusDays(1), formula);

        var response = SignIn.as("rose-admin").request().get("/clients/" + client + "/records/export");
        response.then().statusCode(200);
        Map<String, byte[]> files = unzip(response.asByteArray());

        assertEquals("'" + formula, csv(files, "sessions.csv").get(0).get("note"));
        CSVRecord profile = csv(files, "profile.csv").get(0);
        assertEquals("'" + formula, profile.get("notes"));
        assertEquals("'+1 503 555 0100", profile.get("phone"));
        assertEquals("Formula Person", profile.get("full_name"), "ordinary text stays as it was");
        assertEquals("2", csv(files, "sessions.csv").get(0).get("discomfort"), "numbers stay numbers");
        // The JSON file is data, not a spreadsheet: it keeps the exact text.
        assertEquals(formula, new ObjectMapper().readTree(files.get("client.json")).get("sessions").get(0).get("note").asText());
    }

    @Test
    void onlyThisClinicsAdminsExport() {
        UUID client = Demo.clientId("rose-client2");
        SignIn.as("rose-trainer").request().get("/clients/" + client + "/records/export").then().statusCode(403);
        SignIn.as("cedar-admin").request().get("/clients/" + client + "/records/export").then().statusCode(404);
        SignIn.as("cedar-admin").request().get("/clients/" + client + "/records/erase").then().statusCode(404);
    }

    @Test
    void erasureRemovesWhatIdentifiesTheClientAndKeepsTheCounts() {
        UUID client = clientWithHistory("Erase Person");
        String id = client.toString();
        long sessions = TestData.count("select count(*) from session_log where client_id = ?::uuid", id);
        long flags = TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", id);
        // A referral whose email to the provider still waits in the outbox (the mail server away for the next hour).
        String referral = UUID.randomUUID().toString();
        TestData.sql("""
                insert into referral (id, clinic_id, client_id, provider_id, created_by, reason, urgency, status, request_key)
                select ?::uuid, 'rose-city', ?::uuid, '28125ae7-65b8-5a2f-a4d8-38abe064bba1', s.id, 'Tight rhomboids',
                    'SOON', 'SENT', gen_random_uuid()
                from staff_member s where s.clinic_id = 'rose-city' limit 1""", referral, id);
        TestData.sql("""
                insert into referral_mail (id, clinic_id, referral_id, kind, recipient_email, subject, body, send_after)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'PROVIDER', 'daniel@quiet-alder-massage.example',
                    'Referral from Rose City Movement', 'the link', now() + interval '1 hour')""", referral);

        var admin = SignIn.as("rose-admin");
        String page = "/clients/" + client + "/records/erase";
        admin.submit(page, page, Map.of("confirmName", "Erase Someone")).then().statusCode(400)
                .body(containsString("full name exactly as shown"), containsString("value=\"Erase Someone\""));
        assertEquals("Erase Person", TestData.string("select full_name from client where id = ?::uuid", id));

        admin.submit(page, page, Map.of("confirmName", "Erase Person")).then().statusCode(303);
        assertEquals("Erased client", TestData.string("select full_name from client where id = ?::uuid", id));
        assertNull(TestData.string("select email from client where id = ?::uuid", id));
        assertEquals(0, TestData.count("select count(*) from session_log where client_id = ?::uuid and note is not null", id));
        assertEquals(0, TestData.count("select count(*) from symptom_flag where client_id = ?::uuid and description is not null", id));
        assertEquals(0, TestData.count("""
                select count(*) from prescription p join assignment a on a.id = p.assignment_id
                where a.client_id = ?::uuid and p.notes is not null""", id));
        assertEquals(sessions, TestData.count("select count(*) from session_log where client_id = ?::uuid", id));
        assertEquals(flags, TestData.count("select count(*) from symptom_flag where client_id = ?::uuid", id));
        assertEquals(0, TestData.count("select count(*) from screening where client_id = ?::uuid", id),
                "the pre-exercise answers go with the erasure");
        assertEquals(0, TestData.count("select count(*) from clearance where client_id = ?::uuid and note <> '(erased)'", id));
        assertEquals(0, TestData.count("select count(*) from referral_mail where referral_id = ?::uuid", referral),
                "nothing about an erased client leaves any more, not even an email already waiting");
        assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = 'erased personal data'", id));
        admin.request().get("/clients?q=Erase").then().body(containsString("erased"));
        admin.request().get("/clients/" + client + "/records/export").then().statusCode(404);
    }
}
