package io.backline.safety;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pre-exercise questions and the clearance rule: a client answers before their first session, a "yes" holds the
 * program until a health professional's clearance is recorded, and bad answers are explained with what was typed kept.
 */
@QuarkusTest
class ScreeningAndClearanceTest {
    /** The clinic's today, read when used: a suite that runs past midnight must not keep the day the class loaded. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    private static Map<String, Object> answers(String yes) {
        Map<String, Object> fields = new HashMap<>();
        for (ScreeningQuestion question : ScreeningQuestion.values()) {
            fields.put(question.name(), question.name().equals(yes) ? "yes" : "no");
        }
        return fields;
    }

    private static Map<String, Object> prescription() {
        return Map.of("holdSeconds", "60", "levels", "3", "sessionsPerWeek", "3", "startDate", today().toString(),
                "endDate", "", "notes", "");
    }

    private static long screenings(UUID client) {
        return TestData.count("select count(*) from screening where client_id = ?::uuid", client.toString());
    }

    @Test
    void aClientWhoHasNotAnsweredIsAskedFirstAndEveryQuestionNeedsAnAnswer() {
        UUID client = Demo.clientId("cedar-client2");
        TestData.sql("delete from screening where client_id = ?::uuid", client.toString());
        TestData.sql("update client set screened_at = null where id = ?::uuid", client.toString());
        var session = SignIn.as("cedar-client2");
        session.request().get("/today").then().statusCode(303).header("Location", containsString("/today/screening"));

        Map<String, Object> partial = answers(null);
        partial.remove("PREGNANCY");
        partial.put("BLOOD_THINNERS", "maybe");
        session.submit("/today/screening", "/today/screening", partial).then().statusCode(400)
                .body(containsString("Please answer every question"), containsString("Answer yes or no."),
                        containsString("name=\"OSTEOPOROSIS\" value=\"no\" checked"));
        assertEquals(0, screenings(client), "nothing saved from a half-answered form");

        session.submit("/today/screening", "/today/screening", answers(null)).then().statusCode(303);
        assertEquals(1, screenings(client));
        session.request().get("/today").then().statusCode(200);
    }

    @Test
    void aYesHoldsTheProgramUntilAClearanceIsRecorded() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Screened Yes");
        var trainer = SignIn.as("rose-trainer");
        String safety = "/clients/" + client + "/safety";
        trainer.request().get(safety).then().statusCode(200).body(containsString("Not answered yet"));
        trainer.submit(safety + "/screening", safety + "/screening", answers("SPINE_OR_RIB_INJURY")).then()
                .statusCode(303);
        trainer.request().get(safety).then().body(containsString("Needs clearance"),
                containsString("broken a bone in, or had surgery on, your spine or ribs"));

        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", prescription()).then().statusCode(409)
                .body(containsString("Record a clearance first"), containsString("pre-exercise questions"));
        assertEquals(0, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));

        Map<String, Object> bad = new HashMap<>();
        bad.put("professionalName", "");
        bad.put("professionalRole", "WITCH_DOCTOR");
        bad.put("clearedOn", today().plusDays(3).toString());
        bad.put("note", "<i>fine</i>" + "x".repeat(2100));
        trainer.submit(safety, safety + "/clearances", bad).then().statusCode(400)
                .body(containsString("name is required"), containsString("Choose the health professional"),
                        containsString("can&#39;t be in the future"), containsString("at most 2000 characters"),
                        containsString("&lt;i&gt;fine"), not(containsString("<i>fine</i>")),
                        containsString("value=\"" + today().plusDays(3) + "\""));
        Map<String, Object> early = new HashMap<>(Map.of("professionalName", "Dr. Early", "professionalRole", "PHYSICIAN",
                "clearedOn", today().minusDays(30).toString(), "note", "Seen last month"));
        trainer.submit(safety, safety + "/clearances", early).then().statusCode(400)
                .body(containsString("must come after what asked for it"));
        assertEquals(0, TestData.count("select count(*) from clearance where client_id = ?::uuid", client.toString()));

        Map<String, Object> good = new HashMap<>(Map.of("professionalName", "Dr. Hana Ito", "professionalRole",
                "PHYSICIAN", "clearedOn", today().toString(), "withLimits", "on",
                "note", "Rib fracture healed; no holds over 2 minutes for a month"));
        Map<String, String> hidden = trainer.hiddenFields(safety, safety + "/clearances");
        trainer.resubmit(safety, safety + "/clearances", good, hidden).then().statusCode(303);
        trainer.resubmit(safety, safety + "/clearances", good, hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from clearance where client_id = ?::uuid", client.toString()),
                "a double-submitted clearance saves once");
        trainer.submit(page, page + "/assignments", prescription()).then().statusCode(303);
        assertEquals("ACTIVE", TestData.string("select status from assignment where client_id = ?::uuid", client.toString()));
        // Viewing the safety record is audited; another clinic and a trainer off the care team get nothing.
        assertEquals(true, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = 'viewed safety record'",
                client.toString()) >= 2);
        SignIn.as("rose-trainer2").request().get(safety).then().statusCode(404);
        SignIn.as("cedar-admin").request().get(safety).then().statusCode(404);
        SignIn.as("cedar-admin").request().get(safety + "/screening").then().statusCode(404);
    }

    @Test
    void aYesAfterTheProgramWasAssignedPausesIt() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Screened Late");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", prescription()).then().statusCode(303);
        String safety = page + "/safety";
        trainer.submit(safety + "/screening", safety + "/screening", answers("BLOOD_THINNERS")).then().statusCode(303);
        assertEquals("PAUSED", TestData.string("select status from assignment where client_id = ?::uuid", client.toString()));
        String assignment = TestData.string("select id::text from assignment where client_id = ?::uuid", client.toString());
        trainer.submit(page, page + "/assignments/" + assignment + "/resume", Map.of("reason", "")).then().statusCode(409)
                .body(containsString("Record a clearance first"));
        // Answering "no" to everything afterwards does not lift it: only a professional's clearance does.
        trainer.submit(safety + "/screening", safety + "/screening", answers(null)).then().statusCode(303);
        trainer.submit(page, page + "/assignments/" + assignment + "/resume", Map.of("reason", "")).then().statusCode(409)
                .body(containsString("Record a clearance first"));
        assertEquals("PAUSED", TestData.string("select status from assignment where client_id = ?::uuid", client.toString()));
    }
}
