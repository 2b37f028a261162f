package io.backline.clinic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A trainer who works at both clinics picks one on Keycloak's organization page at sign-in; the session then
 * belongs to that clinic alone, whatever the other one holds.
 */
@QuarkusTest
class MemberOfTwoClinicsPicksOneTest {
    private static final String KEYCLOAK = "http://localhost:8180";
    private static final String USERNAME = "both-clinics-trainer";

    private static final String MIXED = "admin-here-client-there";

    @BeforeAll
    static void createPeopleInKeycloakAndBothClinics() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        String trainer = keycloakUser(admin, USERNAME, List.of("trainer"));
        String mixed = keycloakUser(admin, MIXED, List.of("clinic-admin", "client"));
        for (String alias : List.of("rose-city", "cedar-hills")) {
            String orgId = given().auth().oauth2(admin).queryParam("max", 1000).get(KEYCLOAK + "/admin/realms/backline/organizations")
                    .then().statusCode(200).extract().path("find { it.alias == '" + alias + "' }.id");
            for (String userId : List.of(trainer, mixed)) {
                given().auth().oauth2(admin).contentType(ContentType.JSON).body("\"" + userId + "\"")
                        .post(KEYCLOAK + "/admin/realms/backline/organizations/" + orgId + "/members").then().statusCode(201);
            }
            TestData.sql("""
                    insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                    values (?::uuid, ?, ?::uuid, 'Kai Both', ?, 'trainer')""",
                    UUID.randomUUID().toString(), alias, trainer, USERNAME + "@example.org");
        }
        // Admin at Rose City, only a client at Cedar Hills.
        TestData.sql("""
                insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                values (?::uuid, 'rose-city', ?::uuid, 'Mo Mixed', 'mixed@example.org', 'clinic-admin')""",
                UUID.randomUUID().toString(), mixed);
        TestData.sql("""
                insert into client (id, clinic_id, user_id, full_name, email)
                values (?::uuid, 'cedar-hills', ?::uuid, 'Mo Mixed', 'mixed@example.org')""",
                UUID.randomUUID().toString(), mixed);
    }

    private static String keycloakUser(String admin, String username, List<String> roles) {
        // A Keycloak reused from an earlier run (dev mode's, say) may still hold the user: start from none.
        List<String> existing = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(KEYCLOAK + "/admin/realms/backline/users").then().statusCode(200).extract().path("id");
        existing.forEach(id -> given().auth().oauth2(admin).delete(KEYCLOAK + "/admin/realms/backline/users/" + id)
                .then().statusCode(204));
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", "Test", "lastName", username, "email", username + "@example.org",
                        "credentials", List.of(Map.of("type", "password", "value", Demo.PASSWORD, "temporary", false))))
                .post(KEYCLOAK + "/admin/realms/backline/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> roleReps = roles.stream().map(role -> (Map<String, Object>) given().auth().oauth2(admin)
                .get(KEYCLOAK + "/admin/realms/backline/roles/" + role).then().statusCode(200).extract().as(Map.class)).toList();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(roleReps)
                .post(KEYCLOAK + "/admin/realms/backline/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        return userId;
    }

    @Test
    void anAdminOfOneClinicIsOnlyAClientInTheOther() {
        var atCedar = SignIn.as(MIXED, Demo.PASSWORD, "cedar-hills");
        for (String staffPage : List.of("/clients", "/flags", "/programs", "/clinic", "/clients/" + Demo.clientId("cedar-client1"))) {
            atCedar.request().get(staffPage).then().statusCode(403);
        }
        // A client new to this clinic is asked the pre-exercise questions first.
        atCedar.request().get("/today/screening").then().statusCode(200).body(containsString(Demo.CEDAR));

        var atRose = SignIn.as(MIXED, Demo.PASSWORD, "rose-city");
        atRose.request().get("/clinic").then().statusCode(200).body(containsString(Demo.ROSE));
        atRose.request().get("/today").then().statusCode(403);
    }

    @Test
    void aDeactivatedTrainerKeepsNoAccess() {
        TestData.sql("update staff_member set active = false where full_name = 'Kai Both' and clinic_id = 'rose-city'");
        try {
            SignIn.as(USERNAME, Demo.PASSWORD, "rose-city").request().get("/dashboard").then().statusCode(403);
        } finally {
            TestData.sql("update staff_member set active = true where full_name = 'Kai Both' and clinic_id = 'rose-city'");
        }
    }

    @Test
    void pickingCedarHillsShowsOnlyCedarHills() {
        var session = SignIn.as(USERNAME, Demo.PASSWORD, "cedar-hills");
        session.request().get("/dashboard").then().statusCode(200)
                .body(containsString(Demo.CEDAR), not(containsString(Demo.ROSE)));
        session.request().get("/clients/" + Demo.clientId("rose-client1")).then().statusCode(404);
    }

    @Test
    void pickingRoseCityShowsOnlyRoseCity() {
        var session = SignIn.as(USERNAME, Demo.PASSWORD, "rose-city");
        session.request().get("/dashboard").then().statusCode(200)
                .body(containsString(Demo.ROSE), not(containsString(Demo.CEDAR)));
        session.request().get("/clients/" + Demo.clientId("cedar-client1")).then().statusCode(404);
    }
}
