package io.backline.program;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssignProgramTest {

    private static Map<String, Object> prescription(String holdSeconds) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("holdSeconds", holdSeconds);
        fields.put("levels", "3");
        fields.put("sessionsPerWeek", "3");
        fields.put("startDate", LocalDate.now().minusDays(3).toString());
        fields.put("endDate", LocalDate.now().plusWeeks(6).toString());
        fields.put("notes", "Gentle at first <b>please</b>");
        return fields;
    }

    @Test
    void holdsOutsideThirtySecondsToThirtyMinutesAreRefusedWithTheTypedValueKept() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Bound Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        for (String tooShortOrLong : new String[] { "29", "1860" }) {
            var response = trainer.submit(page, page + "/assignments", prescription(tooShortOrLong));
            response.then().statusCode(400)
                    .body(containsString("Hold time must be between 30 seconds and 30 minutes"));
            assertEquals(tooShortOrLong, Jsoup.parse(response.asString()).selectFirst("#holdSeconds").val());
        }
        trainer.submit(page, page + "/assignments", prescription("abc")).then().statusCode(400)
                .body(containsString("Hold time must be between"));
        assertEquals(0, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));
    }

    @Test
    void moreLevelsThanTheProgramNamesOrMoreThanASessionADayAreRefused() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Limit Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        Map<String, Object> tooMuch = prescription("60");
        tooMuch.put("levels", "4");
        tooMuch.put("sessionsPerWeek", "8");
        var response = trainer.submit(page, page + "/assignments", tooMuch);
        response.then().statusCode(400).body(containsString("Choose between 1 and 3 roller levels"),
                containsString("Sessions per week must be between 1 and 7"));
        assertEquals("8", Jsoup.parse(response.asString()).selectFirst("#sessionsPerWeek").val());
        assertEquals(0, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));
    }

    @Test
    void aValidPrescriptionIsAssignedAndShownOnTheClientPage() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Valid Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", prescription("90")).then().statusCode(303);
        trainer.request().get(page).then().statusCode(200)
                .body(containsString("1 min 30 s per level on 3 levels"), containsString("3 times a week"),
                        containsString("Gentle at first &lt;b&gt;please&lt;/b&gt;"), containsString("<svg"));
    }

    @Test
    void theSameFormSubmittedTwiceAssignsOnce() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Double Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        String action = page + "/assignments";
        Map<String, String> hidden = trainer.hiddenFields(page, action);
        trainer.resubmit(page, action, prescription("60"), hidden).then().statusCode(303);
        trainer.resubmit(page, action, prescription("60"), hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));
    }

    @Test
    void aSecondOpenAssignmentOfTheSameProgramIsRefused() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Twice Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", prescription("60")).then().statusCode(303);
        trainer.submit(page, page + "/assignments", prescription("60")).then().statusCode(400)
                .body(containsString("already follows this program"));
    }

    @Test
    void pauseResumeChangeAndEndKeepTheHistory() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "History Tester");
        var trainer = SignIn.as("rose-trainer");
        String page = "/clients/" + client;
        trainer.submit(page, page + "/assignments", prescription("60")).then().statusCode(303);
        String assignment = TestData.string("select id::text from assignment where client_id = ?::uuid", client.toString());
        String base = page + "/assignments/" + assignment;
        trainer.submit(page, base + "/pause", Map.of("reason", "Sore after weekend")).then().statusCode(303);
        trainer.request().get(page).then().body(containsString("paused"), containsString("Sore after weekend"));
        trainer.submit(page, base + "/resume", Map.of("reason", "Feeling better")).then().statusCode(303);
        trainer.submit(page, base + "/prescription", prescription("120")).then().statusCode(303);
        trainer.request().get(page).then().body(containsString("Prescription (version 2)"),
                containsString("2 min per level"), containsString("Prescription version 1: 1 min"));
        trainer.submit(page, base + "/prescription", prescription("20")).then().statusCode(400)
                .body(containsString("Hold time must be between"));
        trainer.submit(page, base + "/end", Map.of("reason", "Goals met")).then().statusCode(303);
        assertEquals(5, TestData.count("select count(*) from assignment_event where assignment_id = ?::uuid", assignment));
    }

    @Test
    void trainerOffTheCareTeamCannotAssignOrSeeIt() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Team Tester");
        var other = SignIn.as("rose-trainer2");
        other.request().get("/clients/" + client).then().statusCode(404);
        var cedar = SignIn.as("cedar-trainer");
        cedar.request().get("/clients/" + client).then().statusCode(404);
        // Even with a valid form of their own page, posting to this client's address finds nothing.
        var ownPage = "/clients/" + TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Cedar Tester");
        Map<String, String> hidden = cedar.hiddenFields(ownPage, ownPage + "/assignments");
        cedar.resubmit(ownPage, "/clients/" + client + "/assignments", prescription("60"), hidden).then().statusCode(404);
        assertEquals(0, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));
    }

    @Test
    void editingAProgramNeverChangesWhatAClientWasAssigned() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Version Tester");
        var trainer = SignIn.as("rose-trainer");
        String builtIn = TestData.string("select id::text from program where clinic_id = 'rose-city' and built_in_key is not null");
        trainer.submit("/programs/" + builtIn, "/programs/" + builtIn + "/copy", Map.of()).then().statusCode(303);
        String copy = TestData.string("select id::text from program where clinic_id = 'rose-city' and built_in_key is null order by created_at desc limit 1");
        String copyVersion = TestData.string("select id::text from program_version where program_id = ?::uuid", copy);

        String page = "/clients/" + client;
        Map<String, Object> fields = prescription("60");
        fields.put("programVersionId", copyVersion);
        trainer.submit(page, page + "/assignments", fields).then().statusCode(303);

        Map<String, Object> edit = new HashMap<>();
        String editPage = "/programs/" + copy + "/edit";
        var form = Jsoup.parse(trainer.request().get(editPage).asString());
        for (String name : new String[] { "title", "summary", "minHoldSeconds", "maxHoldSeconds" }) {
            edit.put(name, form.selectFirst("[name=" + name + "]").val());
        }
        for (String name : new String[] { "purpose", "steps", "cues", "levelNames", "levelHints" }) {
            edit.put(name, form.selectFirst("[name=" + name + "]").wholeText());
        }
        edit.put("title", "Our adjusted extension");
        trainer.submit(editPage, editPage, edit).then().statusCode(303);

        assertEquals(copyVersion, TestData.string("select program_version_id::text from assignment where client_id = ?::uuid",
                client.toString()));
        trainer.request().get(page).then().body(containsString("(clinic copy)"));
        trainer.request().get("/programs/" + copy).then().body(containsString("Our adjusted extension"),
                containsString("Version 2"));
        trainer.request().get("/programs/" + builtIn + "/edit").then().statusCode(404);
    }
}
