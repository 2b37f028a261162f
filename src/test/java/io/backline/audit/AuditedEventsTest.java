package io.backline.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** What the trail records besides looks at a client: people, settings, invitations, programs, imports, sign-ins. */
@QuarkusTest
class AuditedEventsTest {

    private static long rows(String action, String subjectId) {
        return TestData.count("select count(*) from audit_trail where action = ? and subject_id = ?", action, subjectId);
    }

    private static long rowsBy(String action, String username) {
        return TestData.count("select count(*) from audit_trail where action = ? and actor_user_id = ?::uuid", action,
                Demo.userId(username).toString());
    }

    @Test
    void signingInIsRecordedForTheClinicAndPerson() {
        long before = rowsBy(AuditTrail.SIGNED_IN, "rose-trainer2");
        SignIn.as("rose-trainer2").request().get("/dashboard").then().statusCode(200);
        assertEquals(before + 1, rowsBy(AuditTrail.SIGNED_IN, "rose-trainer2"));
        assertEquals(before + 1, TestData.count("""
                select count(*) from audit_trail where action = 'signed in' and actor_user_id = ?::uuid
                and subject_kind = 'sign-in' and clinic_id = 'rose-city' and client_id is null""",
                Demo.userId("rose-trainer2").toString()));
    }

    @Test
    void eachLookAtTheFlagQueueAndTheDashboardIsOneEntryWhateverItShows() {
        var trainer = SignIn.as("cedar-trainer");
        long queue = rowsBy(AuditTrail.VIEWED_FLAG_QUEUE, "cedar-trainer");
        long dashboard = rowsBy(AuditTrail.VIEWED_DASHBOARD, "cedar-trainer");
        trainer.request().get("/flags").then().statusCode(200);
        trainer.request().get("/flags").then().statusCode(200);
        trainer.request().get("/dashboard").then().statusCode(200);
        assertEquals(queue + 2, rowsBy(AuditTrail.VIEWED_FLAG_QUEUE, "cedar-trainer"));
        assertEquals(dashboard + 1, rowsBy(AuditTrail.VIEWED_DASHBOARD, "cedar-trainer"));
        assertEquals(0, TestData.count("""
                select count(*) from audit_trail where action in ('viewed flag queue', 'viewed dashboard')
                and (subject_kind <> 'clinic' or client_id is not null)"""));
    }

    @Test
    void readingAClientThroughTheApiIsRecordedAndAMissIsNot() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Api Audited");
        String token = Tokens.accessToken("rose-trainer");
        given().auth().oauth2(token).get("http://localhost:8081/api/v1/clients/" + client).then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("cedar-trainer")).get("http://localhost:8081/api/v1/clients/" + client)
                .then().statusCode(404);
        assertEquals(1, TestData.count("""
                select count(*) from audit_trail where client_id = ?::uuid and action = ?""", client.toString(),
                AuditTrail.READ_CLIENT_THROUGH_API));
    }

    @Test
    void deactivatingAndReactivatingStaffIsRecordedAndShownToAdmins() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("trainer"), List.of("rose-city"));
        UUID staff = UUID.randomUUID();
        TestData.sql("""
                insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                values (?::uuid, 'rose-city', ?::uuid, 'Avery Audited', ?, 'trainer')""",
                staff.toString(), userId, username + "@people.example");
        var admin = SignIn.as("rose-admin");
        String page = "/staff/" + staff;
        admin.submit(page, page + "/deactivate", Map.of()).then().statusCode(303);
        admin.submit(page, page + "/reactivate", Map.of()).then().statusCode(303);
        assertEquals(1, rows(AuditTrail.DEACTIVATED_STAFF, staff.toString()));
        assertEquals(1, rows(AuditTrail.REACTIVATED_STAFF, staff.toString()));

        var html = Jsoup.parse(admin.request().get("/audit?actor=" + Demo.userId("rose-admin")).then().statusCode(200)
                .extract().asString());
        var first = html.select("[data-testid=audit-events] tbody tr").first().text();
        assertEquals(true, first.contains("reactivated staff member (Avery Audited)") && first.contains("Staff member"), first);
    }

    @Test
    void savingChangedSettingsIsRecordedWithTheFieldsThatChanged() {
        var admin = SignIn.as("cedar-admin");
        long before = TestData.count("select count(*) from audit_trail where clinic_id = 'cedar-hills' and action = ?",
                AuditTrail.CHANGED_SETTINGS);
        Map<String, Object> fields = new HashMap<>();
        var form = Jsoup.parse(admin.request().get("/clinic/settings").asString());
        form.select("form[action=/clinic/settings] input[name]").forEach(input -> {
            if (input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    fields.put(input.attr("name"), "on");
                }
            } else if (!input.attr("type").equals("hidden")) {
                fields.put(input.attr("name"), input.val());
            }
        });
        String phone = (String) fields.get("phone");
        fields.put("phone", "503-555-0177");
        try {
            admin.submit("/clinic/settings", "/clinic/settings", fields).then().statusCode(303);
        } finally {
            TestData.sql("update clinic set phone = ? where id = 'cedar-hills'", phone == null || phone.isEmpty() ? null : phone);
        }
        assertEquals(before + 1, TestData.count("""
                select count(*) from audit_trail where clinic_id = 'cedar-hills' and action = ? and subject_kind = 'clinic'
                and detail = 'phone'""", AuditTrail.CHANGED_SETTINGS));
    }

    @Test
    void sendingResendingAndRevokingAnInvitationAreRecorded() {
        var admin = SignIn.as("rose-admin");
        String email = "audited-" + UUID.randomUUID().toString().substring(0, 8) + "@invited.example";
        Map<String, Object> fields = new HashMap<>();
        fields.put("fullName", "Invited Audit");
        fields.put("email", email);
        fields.put("phone", "");
        fields.put("role", "client");
        fields.put("leadTrainerId", Demo.staffId("rose-trainer").toString());
        admin.submit("/invitations", "/invitations", fields).then().statusCode(303);
        String id = TestData.string("select id::text from invitation where email = ?", email);
        assertEquals(1, rows(AuditTrail.SENT_INVITATION, id));

        TestData.sql("update invitation set last_sent_at = now() - interval '5 minutes' where id = ?::uuid", id);
        String invitation = "/invitations/" + id;
        admin.submit("/invitations", invitation + "/resend", Map.of()).then().statusCode(303);
        admin.submit("/invitations", invitation + "/revoke", Map.of()).then().statusCode(303);
        assertEquals(1, rows(AuditTrail.RESENT_INVITATION, id));
        assertEquals(1, rows(AuditTrail.REVOKED_INVITATION, id));
        assertEquals(0, TestData.count("select count(*) from audit_trail where subject_id = ? and detail like '%@%'", id),
                "the address stays out of the trail");
    }

    @Test
    void creatingAndEditingAClinicProgramAreRecorded() {
        var trainer = SignIn.as("rose-trainer");
        String builtIn = TestData.string("select id::text from program where clinic_id = 'rose-city' and built_in_key is not null");
        trainer.submit("/programs/" + builtIn, "/programs/" + builtIn + "/copy", Map.of()).then().statusCode(303);
        String copy = TestData.string("select id::text from program where clinic_id = 'rose-city' and built_in_key is null order by created_at desc limit 1");
        assertEquals(1, rows(AuditTrail.CREATED_PROGRAM, copy));

        String editPage = "/programs/" + copy + "/edit";
        var form = Jsoup.parse(trainer.request().get(editPage).asString());
        Map<String, Object> edit = new HashMap<>();
        for (String name : new String[] { "title", "summary", "minHoldSeconds", "maxHoldSeconds" }) {
            edit.put(name, form.selectFirst("[name=" + name + "]").val());
        }
        for (String name : new String[] { "purpose", "steps", "cues", "levelNames", "levelHints" }) {
            edit.put(name, form.selectFirst("[name=" + name + "]").wholeText());
        }
        edit.put("title", "Audited extension");
        trainer.submit(editPage, editPage, edit).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from audit_trail where action = ? and subject_id = ? and detail = ?",
                AuditTrail.EDITED_PROGRAM, copy, "Audited extension v2"));
    }

    @Test
    void aProviderImportIsRecordedWhenStartedAndWhenFinished() {
        String csv = """
                full_name,specialty,address,city,postal_code
                Audited Import,massage therapist,7 SW Test St,Portland,97201
                """;
        var admin = SignIn.as("cedar-admin");
        Map<String, String> hidden = admin.hiddenFields("/directory/imports", "/directory/imports");
        var upload = given().redirects().follow(false).cookies(admin.cookies())
                .multiPart("file", "audited.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        hidden.forEach(upload::multiPart);
        String location = upload.post("http://localhost:8081/directory/imports").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(1, rows(AuditTrail.STARTED_IMPORT, id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows(AuditTrail.FINISHED_IMPORT, id) == 1);
        assertEquals(1, TestData.count("""
                select count(*) from audit_trail where subject_id = ? and action = ? and actor_user_id = ?::uuid
                and actor_name <> 'provider import'""", id, AuditTrail.FINISHED_IMPORT, Demo.userId("cedar-admin").toString()));
        admin.request().get("/audit").then().statusCode(200).body(containsString("finished provider import"),
                containsString("Provider import"));
    }
}
