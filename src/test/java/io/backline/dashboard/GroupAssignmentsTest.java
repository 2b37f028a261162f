package io.backline.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** One prescription for several clients, under the single assignment's rules. */
@QuarkusTest
class GroupAssignmentsTest {
    private static final String PAGE = "/group-assignments";

    @Test
    void tickedClientsAreAssignedOnceEachAndAudited() {
        UUID first = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group First");
        UUID second = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Second");
        var trainer = SignIn.as("rose-trainer2");
        Map<String, String> hidden = trainer.hiddenFields(PAGE, PAGE);
        Map<String, Object> fields = prescription("90", List.of(first.toString(), second.toString()));
        trainer.resubmit(PAGE, PAGE, fields, hidden).then().statusCode(303);
        var again = trainer.resubmit(PAGE, PAGE, fields, hidden);
        again.then().statusCode(303);
        trainer.keepCookiesOf(again);
        for (UUID client : List.of(first, second)) {
            assertEquals(1, TestData.count("select count(*) from assignment a join prescription p on p.assignment_id = a.id "
                    + "where a.client_id = ?::uuid and p.hold_seconds = 90", client.toString()), "saved once");
            assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = "
                    + "'assigned program'", client.toString()));
        }
        trainer.request().get(PAGE).then().body(containsString("Assigned"), containsString("to 2 clients: Group First"));
    }

    @Test
    void clientsWhoCannotBeAssignedAreNamedWithTheReasonAndTheOthersAssigned() {
        UUID ready = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Ready");
        UUID flagged = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Flagged");
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'INCREASED_PAIN', 8, 'MIDDLE_THORACIC', 'AFTER',
                    'RED', 'Group test', 'OPEN', gen_random_uuid(), gen_random_uuid())""", flagged.toString());
        UUID following = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Following");
        TestData.assignBuiltInProgram("rose-city", following, "rose-trainer2", LocalDate.now(), 3);

        var trainer = SignIn.as("rose-trainer2");
        var response = trainer.submit(PAGE, PAGE,
                prescription("60", List.of(ready.toString(), flagged.toString(), following.toString())));
        response.then().statusCode(200);
        Document html = Jsoup.parse(response.asString());
        String refused = html.selectFirst("[data-testid=refused]").text();
        assertTrue(refused.contains("Group Flagged — needs a recorded clearance first"), refused);
        assertTrue(refused.contains("Group Following — already follows this program"), refused);
        assertTrue(html.selectFirst("[data-testid=assigned]").text().contains("Group Ready"));
        assertEquals(1, count(ready));
        assertEquals(0, count(flagged));
        assertEquals(1, count(following));
        // The refused stay ticked for another try.
        assertTrue(html.selectFirst("input[value=" + flagged + "]").hasAttr("checked"));
        assertTrue(!html.selectFirst("input[value=" + ready + "]").hasAttr("checked"));
    }

    @Test
    void noClientTickedOrABadHoldIsRefusedWithWhatWasTypedKept() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Typed");
        var trainer = SignIn.as("rose-trainer2");
        var none = trainer.submit(PAGE, PAGE, prescription("75", List.of()));
        none.then().statusCode(400).body(containsString("Tick at least one client."));
        assertEquals("75", Jsoup.parse(none.asString()).selectFirst("#holdSeconds").val());

        var badHold = trainer.submit(PAGE, PAGE, prescription("29", List.of(client.toString())));
        badHold.then().statusCode(400).body(containsString("Hold time must be between"));
        Document html = Jsoup.parse(badHold.asString());
        assertEquals("29", html.selectFirst("#holdSeconds").val());
        assertTrue(html.selectFirst("input[value=" + client + "]").hasAttr("checked"), "the ticked client stays ticked");
        assertEquals(0, count(client));
    }

    @Test
    void anotherClinicsOrAnotherCareTeamsClientIsNotFoundAndNothingIsWritten() {
        UUID mine = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Group Mine");
        UUID otherTeam = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Group Other Team");
        UUID otherClinic = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Group Other Clinic");
        var trainer = SignIn.as("rose-trainer2");
        for (UUID foreign : List.of(otherTeam, otherClinic)) {
            trainer.submit(PAGE, PAGE, prescription("60", List.of(mine.toString(), foreign.toString())))
                    .then().statusCode(404);
            assertEquals(0, count(foreign));
        }
        assertEquals(0, count(mine), "nothing written for the clients that were visible either");
        String form = trainer.request().get(PAGE).asString();
        assertTrue(form.contains("Group Mine") && !form.contains("Group Other"), "only the care team's clients are offered");
    }

    private static long count(UUID client) {
        return TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString());
    }

    private static Map<String, Object> prescription(String holdSeconds, List<String> clientIds) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("holdSeconds", holdSeconds);
        fields.put("levels", "3");
        fields.put("sessionsPerWeek", "3");
        fields.put("startDate", LocalDate.now().toString());
        fields.put("endDate", LocalDate.now().plusWeeks(6).toString());
        fields.put("notes", "");
        if (!clientIds.isEmpty()) {
            fields.put("clientIds", clientIds);
        }
        return fields;
    }
}
