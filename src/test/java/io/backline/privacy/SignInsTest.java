package io.backline.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A clinic admin reads the sign-ins and failed sign-ins of their own clinic's people, and no one else's. */
@QuarkusTest
class SignInsTest {
    private static final String PAGE = "/clinic/sign-ins";

    @Test
    void theAdminSeesTheirTrainerSignInAndAFailedTryButNotAnotherClinicsPeople() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String trainer = staff("rose-city", "signin-trainer-" + suffix, "Tess Signin " + suffix, "trainer");
        String other = staff("cedar-hills", "signin-cedar-" + suffix, "Otto Elsewhere " + suffix, "trainer");
        SignIn.as(trainer);
        SignIn.as(other);
        wrongPassword(other);

        var admin = SignIn.as("rose-admin");
        Element signedIn = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> row(admin.request().get(PAGE), "Tess Signin " + suffix, "Signed in"), row -> row != null);
        assertTrue(signedIn.text().contains("Trainer"), signedIn.text());
        assertTrue(signedIn.selectFirst("td").text().matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d [AP]M P[SD]T"),
                "when, in the clinic's time zone: " + signedIn.text());
        assertTrue(signedIn.select("td").last().text().matches("[0-9a-f.:]+"), "the IP address: " + signedIn.text());

        wrongPassword(trainer);
        Element failed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> row(admin.request().get(PAGE), "Tess Signin " + suffix, "Failed: wrong password or code"),
                row -> row != null);
        assertNotNull(failed);

        Document page = Jsoup.parse(admin.request().get(PAGE).then().statusCode(200).extract().asString());
        assertTrue(page.text().contains("keeps them for 90 days"), "says how far back the list goes");
        assertNull(row(admin.request().get(PAGE), "Otto Elsewhere " + suffix, ""),
                "another clinic's trainer, signed in and failed, is not listed");

        var cedarAdmin = SignIn.as("cedar-admin");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> row(cedarAdmin.request().get(PAGE), "Otto Elsewhere " + suffix, "Failed: wrong password or code"),
                        row -> row != null);
        assertNull(row(cedarAdmin.request().get(PAGE), "Tess Signin " + suffix, ""));
    }

    @Test
    void aTrainerMayNotReadTheSignIns() {
        SignIn.as("rose-trainer").request().get(PAGE).then().statusCode(403);
    }

    @Test
    void theClinicPageLinksToTheSignIns() {
        Document clinic = Jsoup.parse(SignIn.as("rose-admin").request().get("/clinic").then().statusCode(200).extract().asString());
        assertNotNull(clinic.selectFirst("a[href=" + PAGE + "]"));
    }

    /** A trainer or admin account in Keycloak and Backline's staff row for it; the username. */
    private static String staff(String clinic, String username, String fullName, String role) {
        String email = username + "@people.example";
        String userId = KeycloakAdmin.createUser(username, email, List.of(role), List.of(clinic));
        TestData.sql("insert into staff_member (id, clinic_id, user_id, full_name, email, role) values (?::uuid, ?, ?::uuid, ?, ?, ?)",
                UUID.randomUUID().toString(), clinic, userId, fullName, email, role);
        return username;
    }

    /** The first row of the sign-ins table naming this person with this result, or null. */
    private static Element row(Response page, String name, String result) {
        Document html = Jsoup.parse(page.then().statusCode(200).extract().asString());
        return html.select("[data-testid=sign-ins] tbody tr").stream()
                .filter(tr -> tr.text().contains(name) && tr.text().contains(result)).findFirst().orElse(null);
    }

    /** Types the username, then a wrong password, once, on Keycloak's pages, as a person who mistyped would. */
    private static void wrongPassword(String username) {
        Map<String, String> cookies = new HashMap<>();
        Response toKeycloak = given().redirects().follow(false).get("http://localhost:8081/");
        String url = toKeycloak.header("Location");
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(url);
        cookies.putAll(page.getCookies());
        for (int step = 0; step < 2; step++) { // the username page, then the password page
            Document html = Jsoup.parse(page.asString(), url);
            Element form = html.selectFirst("form#kc-form-login");
            assertNotNull(form, "Keycloak's sign-in form");
            Map<String, String> fields = new HashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            fields.put("username", username);
            boolean askedForPassword = fields.containsKey("password");
            if (askedForPassword) {
                fields.put("password", "not-the-password-" + UUID.randomUUID());
            }
            page = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies)
                    .contentType("application/x-www-form-urlencoded").formParams(fields).post(form.absUrl("action"));
            cookies.putAll(page.getCookies());
            if (askedForPassword) {
                assertEquals(200, page.statusCode(), "Keycloak shows its form again after a wrong password");
                return;
            }
        }
        throw new AssertionError("Keycloak never asked for a password");
    }
}
