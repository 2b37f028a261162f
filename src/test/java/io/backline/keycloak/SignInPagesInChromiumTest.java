package io.backline.keycloak;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The sign-in pages as a person sees them in Chromium at a desktop's and a phone's width: the username, password,
 * authenticator set-up, one-time code and forgotten-password pages all show Backline's name and fit the screen
 * (screenshots in target/screenshots/sign-in-*.png).
 */
@QuarkusTest
class SignInPagesInChromiumTest {
    private static final String SIGN_IN = KeycloakAdmin.KEYCLOAK + "/realms/backline/protocol/openid-connect/auth"
            + "?client_id=backline-web&response_type=code&scope=openid&redirect_uri=http://localhost:8081/"
            + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    @Test
    void everySignInPageIsBacklinesAndFitsADesktopAndAPhone() {
        for (int width : List.of(1280, 375)) {
            String username = "pages-" + width + "-" + UUID.randomUUID().toString().substring(0, 6);
            String userId = KeycloakAdmin.createUser(username, username + "@clinic.example", List.of("client"), List.of("rose-city"));
            requireAuthenticatorApp(userId);
            String secret;
            try (Browser browser = new Browser(width, 900)) {
                browser.driver().get(SIGN_IN);
                check(browser, width, "username");
                browser.find("#username").sendKeys(username);
                browser.find("#kc-login").click();
                browser.find("#password");
                check(browser, width, "password");
                browser.find("#password").sendKeys(Demo.PASSWORD);
                browser.find("#kc-login").click();
                browser.find("#kc-totp-settings-form");
                check(browser, width, "otp-setup");
                secret = browser.driver().findElement(By.name("totpSecret")).getAttribute("value");
                browser.find("#totp").sendKeys(code(secret, Instant.now()));
                browser.find("#userLabel").sendKeys("Phone");
                browser.driver().findElement(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                        .until(driver -> driver.getCurrentUrl().startsWith(Browser.APP));
            }
            try (Browser browser = new Browser(width, 900)) {
                browser.driver().get(SIGN_IN);
                browser.find("#username").sendKeys(username);
                browser.find("#kc-login").click();
                browser.find("#password").sendKeys(Demo.PASSWORD);
                browser.find("#kc-login").click();
                browser.find("#kc-otp-login-form");
                check(browser, width, "otp");
            }
            try (Browser browser = new Browser(width, 900)) {
                browser.driver().get(SIGN_IN);
                browser.find("#username").sendKeys(username);
                browser.find("#kc-login").click();
                browser.find("a[href*=reset-credentials]").click();
                browser.find("#kc-reset-password-form");
                check(browser, width, "reset");
            }
            try (Browser browser = new Browser(width, 900)) {
                browser.driver().get(SIGN_IN + "&ui_locales=es");
                browser.find("#username");
                check(browser, width, "username-es");
                assertEquals("Inicia sesión en Backline", browser.find("#kc-page-title").getText());
            }
        }
    }

    /** The page shows Backline's name and way back, and nothing runs off the side of the screen. */
    private static void check(Browser browser, int width, String page) {
        browser.screenshot("sign-in-" + page + "-" + width);
        assertEquals("Backline", browser.find("#kc-header-wrapper").getText(), page);
        assertTrue(browser.find("#backline-return").isDisplayed(), page);
        long overflow = (Long) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, page + " at " + width + " px runs off the screen");
    }

    private static void requireAuthenticatorApp(String userId) {
        String admin = KeycloakAdmin.token();
        String user = KeycloakAdmin.KEYCLOAK + "/admin/realms/backline/users/" + userId;
        @SuppressWarnings("unchecked")
        Map<String, Object> representation = given().auth().oauth2(admin).get(user).then().statusCode(200).extract().as(Map.class);
        representation.put("requiredActions", List.of("CONFIGURE_TOTP"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(representation).put(user).then().statusCode(204);
    }

    private static String code(String secret, Instant at) {
        try {
            // Keycloak keeps the secret as text and uses its bytes as the key.
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
