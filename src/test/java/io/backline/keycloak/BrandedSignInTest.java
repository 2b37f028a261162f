package io.backline.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backline.support.KeycloakAdmin;
import io.backline.support.MailServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Keycloak's pages and emails wear Backline's theme (deploy/keycloak/themes/backline, docs/adr/0044): its name, its
 * stylesheet and a way back to the app on the sign-in page, in English or Spanish as the browser asks; a branded
 * password-reset email; and the person's language reaches the app in the ID token's {@code locale} claim.
 */
@QuarkusTest
class BrandedSignInTest {
    private static final String REALM = KeycloakAdmin.KEYCLOAK + "/realms/backline";
    private static final String SIGN_IN = REALM + "/protocol/openid-connect/auth?client_id=backline-web"
            + "&response_type=code&scope=openid&redirect_uri=http://localhost:8081/&code_challenge_method=S256"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theSignInPageCarriesBacklinesNameStylesheetAndAWayBackToTheApp() {
        Document page = Jsoup.parse(given().get(SIGN_IN).then().statusCode(200).extract().asString(), SIGN_IN);

        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("Sign in to Backline", page.title());
        assertEquals("Backline", page.selectFirst("#kc-header-wrapper").text());
        assertEquals("Sign in to Backline", page.selectFirst("#kc-page-title").text());
        Element back = page.selectFirst("a#backline-return");
        assertNotNull(back, page.html());
        assertEquals("Return to Backline", back.text());
        assertEquals("http://localhost:8080/", back.attr("href"), "the backline-web client's home");
        Element stylesheet = page.selectFirst("link[rel=stylesheet][href*=/login/backline/css/backline.css]");
        assertNotNull(stylesheet, "Backline's stylesheet: " + page.head().html());
        String css = given().get(stylesheet.absUrl("href")).then().statusCode(200).extract().asString();
        assertTrue(css.contains("--backline-accent: #1f5f8b") && css.contains("system-ui"), "the app's colour and type");
    }

    @Test
    void aSpanishRequestGetsTheSignInPageInSpanish() {
        for (Response response : List.of(given().get(SIGN_IN + "&ui_locales=es"),
                given().header("Accept-Language", "es-US,es;q=0.9,en;q=0.5").get(SIGN_IN))) {
            Document page = Jsoup.parse(response.then().statusCode(200).extract().asString());
            assertEquals("es", page.selectFirst("html").attr("lang"));
            assertEquals("Inicia sesión en Backline", page.selectFirst("#kc-page-title").text());
            assertEquals("Volver a Backline", page.selectFirst("a#backline-return").text());
            assertTrue(page.text().contains("No da consejo médico."), page.text());
        }
    }

    @Test
    void theForgottenPasswordEmailIsBacklines() {
        Map<String, String> cookies = new HashMap<>();
        Document usernamePage = load(SIGN_IN, cookies);
        Document passwordPage = post(usernamePage.selectFirst("form#kc-form-login"), Map.of("username", "rose-client1"), cookies);
        Element forgot = passwordPage.selectFirst("a[href*=reset-credentials]");
        assertNotNull(forgot, "the password page offers a reset: " + passwordPage.text());
        Document resetPage = load(forgot.absUrl("href"), cookies);
        assertEquals("en", resetPage.selectFirst("html").attr("lang"));
        assertNotNull(resetPage.selectFirst("a#backline-return"), "the reset page is Backline's too");
        Document sent = post(resetPage.selectFirst("form#kc-reset-password-form"), Map.of("username", "rose-client1"), cookies);
        assertTrue(sent.text().contains("You should receive an email shortly"), sent.text());

        String mail = MailServer.awaitMessagesContaining("Subject: Reset your Backline password", 1, Duration.ofSeconds(30),
                "rose-client1@rosecitymovement.example").get(0);
        assertTrue(mail.contains("Someone asked to reset the password of your Backline account"), mail);
        assertTrue(mail.contains("Choose a new password"), mail);
        assertTrue(mail.contains("background:#15324a"), "the HTML part wears Backline's colours: " + mail);
        assertFalse(mail.contains("Someone just requested to change your"), "not Keycloak's stock text: " + mail);
        assertNotNull(MailServer.link(mail, REALM + "/login-actions/action-token?"), mail);
    }

    @Test
    void thePersonsLanguageReachesTheAppInTheIdToken() throws Exception {
        String username = "locale-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakAdmin.createUser(username, username + "@clinic.example", List.of("client"), List.of("rose-city"));
        String admin = KeycloakAdmin.token();
        String user = KeycloakAdmin.KEYCLOAK + "/admin/realms/backline/users/" + userId;
        @SuppressWarnings("unchecked")
        Map<String, Object> representation = given().auth().oauth2(admin).get(user).then().statusCode(200).extract().as(Map.class);
        representation.put("attributes", Map.of("locale", List.of("es")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(representation).put(user).then().statusCode(204);

        String idToken = given().formParam("grant_type", "password").formParam("client_id", "backline-cli")
                .formParam("username", username).formParam("password", io.backline.support.Demo.PASSWORD)
                .formParam("scope", "openid").post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("id_token");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
        assertEquals("es", claims.path("locale").asText(), new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static Document load(String url, Map<String, String> cookies) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url);
        cookies.putAll(response.getCookies());
        return Jsoup.parse(response.then().statusCode(200).extract().asString(), url);
    }

    private static Document post(Element form, Map<String, String> answers, Map<String, String> cookies) {
        assertNotNull(form, "the form to fill in");
        Map<String, String> fields = new HashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.putAll(answers);
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded").formParams(fields).post(form.absUrl("action"));
        cookies.putAll(response.getCookies());
        return Jsoup.parse(response.then().statusCode(200).extract().asString(), form.absUrl("action"));
    }
}
