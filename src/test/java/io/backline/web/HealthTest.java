package io.backline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {
    @Test
    void readinessIsTheDatabaseAndKeycloakIsWatchedSeparately() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Keycloak")));
        given().get("/q/health/group/dependencies").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItems("Keycloak"));
    }
}
