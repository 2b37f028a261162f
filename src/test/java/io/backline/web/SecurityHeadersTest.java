package io.backline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every answer that can carry health data keeps out of frames and out of the browser's cache, and runs no script it
 * did not serve itself: pages, error pages, the provider's pages and the API. Static files stay cacheable.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void aClientsTodayPage() {
        guarded(SignIn.as("rose-client1").request().get("/today").then().statusCode(200));
    }

    @Test
    void theStaffsClientPage() {
        guarded(SignIn.as("rose-trainer").request().get("/clients/" + Demo.clientId("rose-client1")).then().statusCode(200));
    }

    @Test
    void anErrorPage() {
        guarded(SignIn.as("rose-trainer").request().get("/clients/not-a-client").then().statusCode(404));
    }

    @Test
    void theProvidersPageEvenForADeadLink() {
        guarded(given().redirects().follow(false).get("/provider/referrals/" + java.util.UUID.randomUUID() + "?e=1&s=x")
                .then().statusCode(404));
    }

    @Test
    void theJsonApi() {
        guarded(given().auth().oauth2(Tokens.accessToken("rose-client1")).get("/api/v1/assignments").then().statusCode(200));
    }

    @Test
    void staticFilesStayCacheable() {
        given().get("/css/app.css").then().statusCode(200).header("Cache-Control", not(containsString("no-store")));
    }

    private static void guarded(ValidatableResponse response) {
        response.header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", containsString("no-store"))
                .header("Permissions-Policy", containsString("camera=()"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Strict-Transport-Security", nullValue()); // production only: tests run on plain HTTP
    }
}
