package io.backline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * As in production: health and the API document answer on the management port only, so the public port (and the
 * internet behind the ingress) sees neither. Tests otherwise run with the interface off, as dev mode does.
 */
@QuarkusTest
@TestProfile(ManagementPortTest.AsInProduction.class)
class ManagementPortTest {
    /** Quarkus's management port in tests. */
    private static final int MANAGEMENT_TEST_PORT = 9001;

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true");
        }
    }

    @Test
    void healthAndTheApiDocumentAreOffThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void theProbesAndTheApiDocumentAnswerOnTheManagementPort() {
        given().port(MANAGEMENT_TEST_PORT).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(MANAGEMENT_TEST_PORT).get("/q/health/live").then().statusCode(200);
        given().port(MANAGEMENT_TEST_PORT).queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
