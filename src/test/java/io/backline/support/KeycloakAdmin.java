package io.backline.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Keycloak's admin API as the tests use it: set people up the way an earlier sign-up would have, and look. */
public final class KeycloakAdmin {
    public static final String KEYCLOAK = "http://localhost:8180";
    private static final String REALM = KEYCLOAK + "/admin/realms/backline";

    private KeycloakAdmin() {
    }

    public static String token() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    /** A user with a password and realm roles, a member of the given clinics (organization aliases). */
    public static String createUser(String username, String email, List<String> roles, List<String> clinics) {
        String admin = token();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("username", username, "email", email,
                "enabled", true, "emailVerified", true, "firstName", "Test", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", Demo.PASSWORD, "temporary", false))))
                .post(REALM + "/users").then().statusCode(201);
        String userId = userIdByEmail(email);
        List<Map<String, Object>> roleList = roles.stream().map(role -> given().auth().oauth2(admin)
                .get(REALM + "/roles/" + role).then().statusCode(200).extract().<Map<String, Object>> path("")).toList();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(roleList)
                .post(REALM + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        for (String alias : clinics) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("\"" + userId + "\"")
                    .post(REALM + "/organizations/" + organizationId(admin, alias) + "/members").then().statusCode(201);
        }
        return userId;
    }

    /** An account as Keycloak leaves it when it finishes creating one after Backline stopped waiting: no password, no clinic. */
    public static String createAccountWithoutPassword(String email) {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("username", email, "email", email, "enabled", true, "emailVerified", true))
                .post(REALM + "/users").then().statusCode(201);
        return userIdByEmail(email);
    }

    public static String userIdByEmail(String email) {
        List<String> ids = given().auth().oauth2(token()).queryParam("email", email).queryParam("exact", true)
                .get(REALM + "/users").then().statusCode(200).extract().path("id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The aliases of the clinics (organizations) a user belongs to. */
    public static List<String> clinicsOf(String userId) {
        return given().auth().oauth2(token()).get(REALM + "/organizations/members/" + userId + "/organizations")
                .then().statusCode(200).extract().path("alias");
    }

    /** A new organization (a clinic, to Keycloak); its id. */
    public static String createOrganization(String name, String alias) {
        String admin = token();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "alias", alias, "domains", List.of(Map.of("name", alias + ".example"))))
                .post(REALM + "/organizations").then().statusCode(201);
        return organizationId(admin, alias);
    }

    public static void deleteOrganization(String id) {
        given().auth().oauth2(token()).delete(REALM + "/organizations/" + id).then().statusCode(204);
    }

    private static String organizationId(String admin, String alias) {
        return given().auth().oauth2(admin).queryParam("max", 1000).get(REALM + "/organizations").then().statusCode(200)
                .extract().path("find { it.alias == '" + alias + "' }.id");
    }
}
