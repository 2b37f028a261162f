package io.backline.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Staff and client administration: deactivation, reassignment, care teams and profiles. */
@QuarkusTest
class PeopleAdministrationTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client with a real Keycloak account in Rose City, led by rose-trainer. */
    private static UUID clientWithAccount(String username) {
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("client"), List.of("rose-city"));
        UUID id = UUID.randomUUID();
        TestData.sql("insert into client (id, clinic_id, user_id, full_name, email) values (?::uuid, 'rose-city', ?::uuid, ?, ?)",
                id.toString(), userId, "Person " + username, username + "@people.example");
        TestData.sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values ('rose-city', ?::uuid, ?::uuid, true)",
                id.toString(), Demo.staffId("rose-trainer").toString());
        return id;
    }

    @Test
    void aDeactivatedClientCannotSignInToTheClinicUntilReactivated() {
        String username = unique("leaving");
        UUID client = clientWithAccount(username);
        SignIn.as(username).request().get("/today/screening").then().statusCode(200);

        var admin = SignIn.as("rose-admin");
        String profile = "/clients/" + client + "/profile";
        admin.submit(profile, profile + "/deactivate", Map.of()).then().statusCode(303);
        admin.request().get(profile).then().body(containsString("cannot sign in to this clinic"));

        // Keycloak no longer offers the clinic: the person is signed in to no clinic and sees nothing of it.
        var refused = SignIn.as(username);
        refused.request().get("/").then().statusCode(403).body(containsString("does not belong to a clinic"));
        refused.request().get("/today").then().statusCode(403);
        assertEquals(List.of(), KeycloakAdmin.clinicsOf(KeycloakAdmin.userIdByEmail(username + "@people.example")));

        admin.submit(profile, profile + "/reactivate", Map.of()).then().statusCode(303);
        SignIn.as(username).request().get("/today/screening").then().statusCode(200);
    }

    @Test
    void aLeavingTrainersClientsGoToASuccessorAndNoneIsLeftWithoutATrainer() {
        String username = unique("trainer");
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("trainer"), List.of("rose-city"));
        UUID staff = UUID.randomUUID();
        TestData.sql("insert into staff_member (id, clinic_id, user_id, full_name, email, role) values (?::uuid, 'rose-city', ?::uuid, 'Lee Leaving', ?, 'trainer')",
                staff.toString(), userId, username + "@people.example");
        UUID led = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Led Client");
        UUID shared = TestData.clientOnCareTeam("rose-city", "rose-trainer2", "Shared Client");
        TestData.sql("update care_team_member set lead = false where client_id = ?::uuid", led.toString());
        TestData.sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values ('rose-city', ?::uuid, ?::uuid, true)",
                led.toString(), staff.toString());
        TestData.sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values ('rose-city', ?::uuid, ?::uuid, false)",
                shared.toString(), staff.toString());

        var admin = SignIn.as("rose-admin");
        String page = "/staff/" + staff;
        admin.submit(page, page + "/deactivate", Map.of("successorId", "")).then().statusCode(400)
                .body(containsString("Choose the trainer who takes over"));
        assertEquals("t", TestData.string("select active from staff_member where id = ?::uuid", staff.toString()));

        admin.submit(page, page + "/deactivate", Map.of("successorId", Demo.staffId("rose-trainer2").toString()))
                .then().statusCode(303);
        assertEquals("f", TestData.string("select active from staff_member where id = ?::uuid", staff.toString()));
        assertEquals(Demo.staffId("rose-trainer2").toString(), TestData.string(
                "select staff_member_id from care_team_member where client_id = ?::uuid and lead", led.toString()));
        assertEquals(0, TestData.count("select count(*) from care_team_member where staff_member_id = ?::uuid", staff.toString()));
        assertEquals(0, TestData.count("""
                select count(*) from client c where c.id in (?::uuid, ?::uuid) and not exists (
                    select 1 from care_team_member m where m.client_id = c.id and m.lead)""", led.toString(), shared.toString()),
                "each of the leaver's clients still has a lead trainer");
        admin.request().get("/staff?q=Lee").then().body(containsString("Deactivated"));
        var refused = SignIn.as(username);
        refused.request().get("/dashboard").then().statusCode(403);
    }

    @Test
    void aTrainerOffTheCareTeamGets404UntilAddedAndAfterRemoval() {
        UUID client = Demo.clientId("rose-client1");
        var trainer2 = SignIn.as("rose-trainer2");
        List<String> pages = List.of("/clients/" + client, "/clients/" + client + "/profile", "/flags/record/" + client);
        pages.forEach(page -> trainer2.request().get(page).then().statusCode(404));

        var admin = SignIn.as("rose-admin");
        String profile = "/clients/" + client + "/profile";
        admin.submit(profile, profile + "/care-team", Map.of("staffId", Demo.staffId("rose-trainer2").toString()))
                .then().statusCode(303);
        pages.forEach(page -> trainer2.request().get(page).then().statusCode(200));
        trainer2.request().get(profile).then().body(containsString("Jonas Reyes"), not(containsString("Make lead")));

        admin.submit(profile, profile + "/care-team/" + Demo.staffId("rose-trainer2") + "/remove", Map.of())
                .then().statusCode(303);
        pages.forEach(page -> trainer2.request().get(page).then().statusCode(404));
    }

    @Test
    void theProfileKeepsWhatWasTypedWhenRefusedAndNotesStayWithStaff() {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Profile Person");
        var trainer = SignIn.as("rose-trainer");
        String profile = "/clients/" + client + "/profile";
        trainer.submit(profile, profile, Map.of("fullName", "", "preferredName", "P<i>P</i>", "phone", "503-555-0100",
                "notes", "x".repeat(2001))).then().statusCode(400)
                .body(containsString("Name is required"), containsString("at most 2000 characters"),
                        containsString("P&lt;i&gt;P&lt;/i&gt;"), containsString("503-555-0100"));
        assertEquals("Profile Person", TestData.string("select full_name from client where id = ?::uuid", client.toString()));

        trainer.submit(profile, profile, Map.of("fullName", "Profile Person", "preferredName", "PP", "phone", "",
                "notes", "Prefers morning sessions")).then().statusCode(303);
        assertEquals("Prefers morning sessions", TestData.string("select notes from client where id = ?::uuid", client.toString()));
        assertTrue(TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = 'changed profile'",
                client.toString()) == 1);
    }

    @Test
    void anotherClinicsStaffAndClientsAreNotFound() {
        var cedar = SignIn.as("cedar-admin");
        cedar.request().get("/staff/" + Demo.staffId("rose-trainer")).then().statusCode(404);
        cedar.request().get("/clients/" + Demo.clientId("rose-client1") + "/profile").then().statusCode(404);
        cedar.request().get("/staff").then().statusCode(200).body(not(containsString("Jonas Reyes")));
        given().redirects().follow(false).get("http://localhost:8081/staff").then().statusCode(302);
    }
}
