package io.backline.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;
import static io.restassured.RestAssured.given;

@QuarkusTest
class SignInThroughKeycloakTest {

    @Test
    void anonymousVisitorIsSentToTheKeycloakLoginPage() {
        given().redirects().follow(false).get("/")
                .then().statusCode(302)
                .header("Location", startsWith("http://localhost:8180/realms/backline/protocol/openid-connect/auth"))
                .header("Location", containsString("scope=openid+organization"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void trainerLandsOnTheDashboardNamingTheirClinic() {
        var trainer = SignIn.as("rose-trainer");
        trainer.request().get("/").then().statusCode(303).header("Location", containsString("/dashboard"));
        trainer.request().get("/dashboard").then().statusCode(200)
                .body(containsString(Demo.ROSE), containsString("Jonas Reyes"), containsString("Sign out"),
                        not(containsString(Demo.CEDAR)));
    }

    @Test
    void clientLandsOnToday() {
        var client = SignIn.as("cedar-client2");
        client.request().get("/").then().statusCode(303).header("Location", containsString("/today"));
        client.request().get("/today").then().statusCode(200)
                .body(containsString(Demo.CEDAR), containsString("stop straight away"));
    }

    @Test
    void clinicAdminLandsOnTheClinicPage() {
        var admin = SignIn.as("rose-admin");
        admin.request().get("/").then().statusCode(303).header("Location", containsString("/clinic"));
        admin.request().get("/clinic").then().statusCode(200)
                .body(containsString(Demo.ROSE), containsString("America/Los_Angeles"));
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        var trainer = SignIn.as("rose-trainer2");
        var signedOut = trainer.submit("/logout", "/sign-out", Map.of());
        trainer.keepCookiesOf(signedOut);
        signedOut.then().statusCode(303)
                .header("Location", startsWith("http://localhost:8180/realms/backline/protocol/openid-connect/logout"))
                .header("Location", containsString("id_token_hint="))
                .header("Location", containsString("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Fsigned-out"));
        trainer.request().redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", startsWith("http://localhost:8180/realms/backline/protocol/openid-connect/auth"));
    }

    @Test
    void anotherSiteCannotSignSomeoneOut() {
        var trainer = SignIn.as("rose-trainer2");
        // An <img src=".../logout"> only shows the question; a POST without the form's token is refused.
        trainer.request().get("/logout").then().statusCode(200).body(containsString("Sign out of Backline?"));
        trainer.request().redirects().follow(false).post("/sign-out").then().statusCode(400);
        trainer.request().get("/dashboard").then().statusCode(200).body(containsString("Your clients"));
    }

    @Test
    void aWrongPasswordIsRefusedByKeycloak() {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> SignIn.as("rose-client5", "not-the-password"));
    }
}
