package io.backline.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The production realm's sign-in rules, checked on Keycloak itself: deploy/keycloak/backline-realm-production.json is
 * imported into the test Keycloak under another name (placeholders filled with test values, no mail server), people
 * are added through the admin API, and they sign in through Keycloak's real pages up to the redirect back to Backline.
 */
@QuarkusTest
class ProductionRealmSignInTest {
    private static final String APP = "http://localhost:8081/";
    private static final String REALM = "production-check-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN_API = KeycloakAdmin.KEYCLOAK + "/admin/realms";
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    @BeforeAll
    static void importTheProductionRealmUnderAnotherName() throws IOException {
        String text = Files.readString(Path.of("deploy/keycloak/backline-realm-production.json"));
        Matcher placeholder = Pattern.compile("\\$\\{(BACKLINE_[A-Z0-9_]+)(?::[^}]*)?}").matcher(text);
        text = placeholder.replaceAll(m -> m.group(1).equals("BACKLINE_BASE_URL") ? APP.substring(0, APP.length() - 1)
                : "test-" + m.group(1).toLowerCase());
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(text);
        realm.put("realm", REALM);
        realm.remove("smtpServer"); // not needed to sign in, and its placeholders are no valid address
        given().auth().oauth2(KeycloakAdmin.token()).contentType(ContentType.JSON).body(realm.toString())
                .post(ADMIN_API).then().statusCode(201);
    }

    @AfterAll
    static void deleteIt() {
        given().auth().oauth2(KeycloakAdmin.token()).delete(ADMIN_API + "/" + REALM).then().statusCode(204);
    }

    @Test
    void aTrainerWithoutASecondFactorMustSetUpAnAuthenticatorAppAndGivesItsCodeNextTime() {
        createPerson("prod-trainer", "trainer");

        Walk first = signIn("prod-trainer", null);
        assertEquals(List.of("kc-form-login", "kc-totp-settings-form"), first.pages(), "password, then the app's set-up");
        assertTrue(first.landedOnBackline(), "signed in once the app is set up: " + first.landing());

        Walk second = signIn("prod-trainer", first.secret());
        assertEquals(List.of("kc-form-login", "kc-otp-login-form"), second.pages(), "password, then the code");
        assertTrue(second.landedOnBackline(), second.landing());
    }

    @Test
    void aClinicAdminWithoutASecondFactorMustSetOneUpToo() {
        createPerson("prod-admin", "clinic-admin");
        Walk walk = signIn("prod-admin", null);
        assertEquals(List.of("kc-form-login", "kc-totp-settings-form"), walk.pages());
    }

    @Test
    void aClientSignsInWithAPasswordAlone() {
        createPerson("prod-client", "client");
        Walk walk = signIn("prod-client", null);
        assertEquals(List.of("kc-form-login"), walk.pages());
        assertTrue(walk.landedOnBackline(), walk.landing());
    }

    @Test
    void aCommonPasswordIsRefusedEvenWhenLongEnough() {
        String userId = createPerson("prod-common-password", "client");
        String admin = KeycloakAdmin.token();
        String refused = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "Password123456", "temporary", false))
                .put(ADMIN_API + "/" + REALM + "/users/" + userId + "/reset-password").then().statusCode(400)
                .extract().path("error");
        assertEquals("invalidPasswordBlacklistedMessage", refused);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "lantern orchard tuesday", "temporary", false))
                .put(ADMIN_API + "/" + REALM + "/users/" + userId + "/reset-password").then().statusCode(204);
    }

    private static String createPerson(String username, String role) {
        String admin = KeycloakAdmin.token();
        String users = ADMIN_API + "/" + REALM + "/users";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("username", username,
                "email", username + "@clinic.example", "enabled", true, "emailVerified", true, "firstName", "Test",
                "lastName", username, "credentials", List.of(Map.of("type", "password", "value", Demo.PASSWORD, "temporary", false))))
                .post(users).then().statusCode(201);
        String userId = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(users).then().statusCode(200).extract().path("[0].id");
        Map<String, Object> realmRole = given().auth().oauth2(admin).get(ADMIN_API + "/" + REALM + "/roles/" + role)
                .then().statusCode(200).extract().path("");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(users + "/" + userId + "/role-mappings/realm").then().statusCode(204);
        return userId;
    }

    /** The Keycloak pages (their form ids) a sign-in went through, where it ended, and the app's secret if set up. */
    record Walk(List<String> pages, String landing, String secret) {
        boolean landedOnBackline() {
            return landing.startsWith(APP) && landing.contains("code=");
        }
    }

    /**
     * Signs in at Keycloak as Backline's pages would send someone there (code flow with PKCE), answering each page as
     * a person would: the password, the authenticator app's set-up (scanning the secret), the one-time code.
     */
    private static Walk signIn(String username, String secret) {
        Map<String, String> cookies = new HashMap<>();
        List<String> pages = new ArrayList<>();
        String url = KeycloakAdmin.KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=backline-web"
                + "&response_type=code&scope=openid&state=s&redirect_uri=" + APP + "&code_challenge_method=S256"
                + "&code_challenge=" + pkceChallenge();
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(url);
        for (int step = 0; step < 8; step++) {
            page.getCookies().forEach((name, value) -> cookies.put(name, value));
            if (page.statusCode() / 100 == 3) {
                String location = page.header("Location");
                if (!location.startsWith(KeycloakAdmin.KEYCLOAK)) {
                    return new Walk(pages, location, secret);
                }
                page = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(location);
                continue;
            }
            Document html = Jsoup.parse(page.asString(), url);
            Element form = html.selectFirst("form[id^=kc-][action]");
            assertNotNull(form, "a Keycloak form, not: " + html.text());
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            switch (form.id()) {
                case "kc-form-login" -> {
                    fields.put("username", username);
                    fields.put("password", Demo.PASSWORD);
                }
                case "kc-totp-settings-form" -> {
                    secret = fields.get("totpSecret");
                    fields.put("totp", code(secret, Instant.now()));
                    fields.put("userLabel", "Phone");
                }
                case "kc-otp-login-form" -> {
                    // A code is good once: the set-up just used this time step's, so give the next one's.
                    fields.put("otp", code(secret, Instant.now().plus(TOTP.getTimeStep())));
                }
                default -> throw new AssertionError("an unexpected page: " + form.id() + " " + html.text());
            }
            if (pages.contains(form.id())) {
                return new Walk(pages, html.text(), secret); // the same page again: Keycloak refused the answer
            }
            pages.add(form.id());
            page = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies)
                    .contentType("application/x-www-form-urlencoded").formParams(fields).post(form.absUrl("action"));
        }
        throw new AssertionError(username + " went through too many pages: " + pages);
    }

    private static String code(String secret, Instant at) {
        try {
            // Keycloak keeps the secret as text and uses its bytes as the key; apps get it in Base32 from the QR code.
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pkceChallenge() {
        byte[] verifier = new byte[32];
        new SecureRandom().nextBytes(verifier);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
