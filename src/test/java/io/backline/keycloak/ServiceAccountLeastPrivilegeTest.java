package io.backline.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backline.support.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Backline's service account (client backline-admin) can do what invitations, deactivation, erasure and the Sign-ins
 * page need, and nothing that would let a stolen secret take the realm over: it cannot change the realm, its clients,
 * its sign-in flows or its record of events, read a client's secret, or make anyone (itself included) an admin.
 */
@QuarkusTest
class ServiceAccountLeastPrivilegeTest {
    private static final String REALM = KeycloakAdmin.KEYCLOAK + "/admin/realms/backline";
    private static String admin;
    private static String serviceAccount;

    @BeforeAll
    static void tokens() {
        admin = KeycloakAdmin.token();
        String secret = ConfigProvider.getConfig().getValue("quarkus.keycloak.admin-client.client-secret", String.class);
        serviceAccount = given().formParam("grant_type", "client_credentials").formParam("client_id", "backline-admin")
                .formParam("client_secret", secret)
                .post(KeycloakAdmin.KEYCLOAK + "/realms/backline/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void itReadsPeopleClinicsAndSignInsAsBacklineNeeds() {
        asService().queryParam("email", "nobody@example.com").queryParam("exact", true).get(REALM + "/users")
                .then().statusCode(200);
        asService().queryParam("max", 100).get(REALM + "/organizations").then().statusCode(200);
        asService().queryParam("type", "LOGIN").queryParam("max", 1).get(REALM + "/events").then().statusCode(200);
    }

    @Test
    void itCannotChangeTheRealmOrSwitchOffItsRecord() {
        asService().contentType(ContentType.JSON).body(Map.of("displayName", "Taken over", "registrationAllowed", true))
                .put(REALM).then().statusCode(403);
        asService().contentType(ContentType.JSON).body(Map.of("eventsEnabled", false, "adminEventsEnabled", false))
                .put(REALM + "/events/config").then().statusCode(403);
        asService().delete(REALM + "/events").then().statusCode(403);
        asService().delete(REALM + "/admin-events").then().statusCode(403);
        asService().contentType(ContentType.JSON).body(Map.of("alias", "elsewhere", "providerId", "oidc"))
                .post(REALM + "/identity-provider/instances").then().statusCode(403);
        assertEquals("Backline", asAdmin().get(REALM).then().statusCode(200).extract().path("displayName"));
    }

    @Test
    void itCannotChangeClientsOrReadTheirSecrets() {
        String web = clientId("backline-web");
        asService().contentType(ContentType.JSON).body(Map.of("redirectUris", List.of("https://attacker.example/*")))
                .put(REALM + "/clients/" + web).then().statusCode(403);
        asService().get(REALM + "/clients/" + clientId("backline-admin") + "/client-secret").then().statusCode(403);
        asService().post(REALM + "/clients/" + clientId("backline-admin") + "/client-secret").then().statusCode(403);
        asService().contentType(ContentType.JSON).body(Map.of("clientId", "attacker", "redirectUris", List.of("*")))
                .post(REALM + "/clients").then().statusCode(403);
        List<String> redirects = asAdmin().get(REALM + "/clients/" + web).then().statusCode(200).extract().path("redirectUris");
        assertFalse(redirects.contains("https://attacker.example/*"));
    }

    @Test
    void itCannotChangeHowPeopleSignIn() {
        String browser = asAdmin().get(REALM + "/authentication/flows").then().statusCode(200)
                .extract().path("find { it.alias == 'browser' }.id");
        asService().contentType(ContentType.JSON).body(Map.of("alias", "shortcut", "providerId", "basic-flow", "topLevel", true))
                .post(REALM + "/authentication/flows").then().statusCode(403);
        asService().delete(REALM + "/authentication/flows/" + browser).then().statusCode(403);
        asService().get(REALM + "/authentication/flows/browser/executions").then().statusCode(403);
        asService().contentType(ContentType.JSON).body(Map.of("alias", "UPDATE_PASSWORD", "enabled", false))
                .put(REALM + "/authentication/required-actions/UPDATE_PASSWORD").then().statusCode(403);
    }

    @Test
    void itCannotMakeItselfOrAnyoneAnAdmin() {
        String realmManagement = clientId("realm-management");
        String self = asService().queryParam("username", "service-account-backline-admin").queryParam("exact", true)
                .get(REALM + "/users").then().statusCode(200).extract().path("[0].id");
        String trainer = KeycloakAdmin.userIdByEmail("rose-trainer@rosecitymovement.example");
        for (String role : List.of("realm-admin", "manage-realm", "view-realm", "manage-clients", "manage-events",
                "manage-authorization", "impersonation")) {
            Map<String, Object> representation = asAdmin().get(REALM + "/clients/" + realmManagement + "/roles/" + role)
                    .then().statusCode(200).extract().path("");
            for (String user : List.of(self, trainer)) {
                asService().contentType(ContentType.JSON).body(List.of(representation))
                        .post(REALM + "/users/" + user + "/role-mappings/clients/" + realmManagement).then().statusCode(403);
            }
        }
        List<String> held = asAdmin().get(REALM + "/users/" + self + "/role-mappings/clients/" + realmManagement)
                .then().statusCode(200).extract().path("name");
        assertEquals(List.of("manage-organizations", "manage-users", "view-events"), held.stream().sorted().toList());
        assertEquals(List.of(), asAdmin().get(REALM + "/users/" + trainer + "/role-mappings/clients/" + realmManagement)
                .then().statusCode(200).extract().path("name"));
    }

    private static String clientId(String clientId) {
        return asAdmin().queryParam("clientId", clientId).get(REALM + "/clients").then().statusCode(200)
                .extract().path("[0].id");
    }

    private static RequestSpecification asService() {
        return given().auth().oauth2(serviceAccount);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(admin);
    }
}
