package io.backline.referral;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.restassured.response.Response;

/**
 * A provider's browser: no account, only the emailed link. Opening it answers 303 to the page's plain address with a
 * pass cookie, which this browser keeps, as it keeps the CSRF cookie of the pages it loads.
 */
final class ProviderBrowser {
    static final String APP = "http://localhost:8081";
    static final String PASS = "provider-pass";

    final SignIn.Session session = new SignIn.Session("provider", new HashMap<>());

    /** Opens the emailed link, checks that it sends to the plain address, and returns that address's path. */
    String open(String link) {
        Response first = given().redirects().follow(false).get(link);
        assertEquals(303, first.statusCode(), "opening " + link + ": " + first.asString());
        session.keepCookiesOf(first);
        return first.header("Location").substring(APP.length());
    }

    Response get(String path) {
        return session.request().get(path);
    }

    /** Loads the page and posts one of its forms, as a person clicking its button. */
    Response submit(String path, String action, Map<String, ?> fields) {
        return session.submit(path, action, fields);
    }

    /** The pass cookie this browser holds. */
    String pass() {
        return session.cookies().get(PASS);
    }

    void holdPass(String pass) {
        session.cookies().put(PASS, pass);
    }

    /** The referral's link fields as stored, for signing links and passes in tests. */
    static Referral stored(String id) {
        Referral referral = new Referral();
        referral.id = UUID.fromString(id);
        referral.linkNonce = TestData.string("select link_nonce from referral where id = ?::uuid", id);
        referral.linkExpiresAt = Instant.ofEpochSecond(Long.parseLong(TestData.string(
                "select extract(epoch from link_expires_at)::bigint::text from referral where id = ?::uuid", id)));
        return referral;
    }
}
