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

    @BeforeAll
    static void createTheTrainerInKeycloakAndBothClinics() {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        var api = given().auth().oauth2(admin).contentType(ContentType.JSON);
        String location = api.body(Map.of("username", USERNAME, "enabled", true, "emailVerified", true,
                "firstName", "Kai", "lastName", "Both", "email", USERNAME + "@example.org",
                "credentials", List.of(Map.of("type", "password", "value", Demo.PASSWORD, "temporary", false))))
                .post(KEYCLOAK + "/admin/realms/backline/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> trainerRole = given().auth().oauth2(admin)
                .get(KEYCLOAK + "/admin/realms/backline/roles/trainer").then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(trainerRole))
                .post(KEYCLOAK + "/admin/realms/backline/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        for (String alias : List.of("rose-city", "cedar-hills")) {
            String orgId = given().auth().oauth2(admin).get(KEYCLOAK + "/admin/realms/backline/organizations")
                    .then().statusCode(200).extract().path("find { it.alias == '" + alias + "' }.id");
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("\"" + userId + "\"")
                    .post(KEYCLOAK + "/admin/realms/backline/organizations/" + orgId + "/members").then().statusCode(201);
            TestData.sql("""
                    insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                    values (?::uuid, ?, ?::uuid, 'Kai Both', ?, 'trainer')""",
                    UUID.randomUUID().toString(), alias, userId, USERNAME + "@example.org");
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
