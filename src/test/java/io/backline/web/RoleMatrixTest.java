package io.backline.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every route, as each role: who gets in, who is refused, and who is sent to sign in. */
@QuarkusTest
class RoleMatrixTest {
    private static final String ROSE_CLIENT = "/clients/" + Demo.clientId("rose-client1");
    private static final Map<String, SignIn.Session> SESSIONS = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    /** Route, then the status for anonymous, client, trainer and admin. 302 is the redirect to Keycloak. */
    private static final Object[][] PAGES = {
            { "/", 302, 303, 303, 303 },
            { "/dashboard", 302, 403, 200, 403 },
            { "/today", 302, 200, 403, 403 },
            { "/clinic", 302, 403, 403, 200 },
            { "/clients", 302, 403, 200, 200 },
            { ROSE_CLIENT, 302, 403, 200, 200 },
            { "/signed-out", 200, 200, 200, 200 },
            { "/programs", 302, 403, 200, 200 },
            { "/flags", 302, 403, 200, 200 },
            { "/flags/count", 302, 403, 200, 200 },
            { "/today/flags", 302, 200, 403, 403 },
            { "/today/flags/new", 302, 200, 403, 403 },
            { "/today/print", 302, 200, 403, 403 },
            { "/messages", 302, 403, 200, 200 },
            { "/messages/count", 302, 200, 200, 200 },
            { "/today/messages", 302, 200, 403, 403 },
            { "/flags/record/" + Demo.clientId("rose-client1"), 302, 403, 200, 200 },
    };
    private static final Object[][] API = {
            { "/api/v1/me", 401, 200, 200, 200 },
            { "/api/v1" + ROSE_CLIENT, 401, 403, 200, 200 },
            { "/api/v1/assignments", 401, 200, 403, 403 },
    };

    @BeforeAll
    static void signIn() {
        for (String user : List.of("rose-client1", "rose-trainer", "rose-admin")) {
            SESSIONS.put(user, SignIn.as(user));
            TOKENS.put(user, Tokens.accessToken(user));
        }
    }

    @Test
    void pagesAnswerEachRoleAsExpected() {
        List<String> wrong = new ArrayList<>();
        for (Object[] row : PAGES) {
            String path = (String) row[0];
            check(wrong, path, "anonymous", (int) row[1], given().redirects().follow(false).get(path).statusCode());
            int column = 2;
            for (var session : SESSIONS.entrySet()) {
                check(wrong, path, session.getKey(), (int) row[column++],
                        session.getValue().request().get(path).statusCode());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void apiAnswersEachRoleAsExpectedAndNeverRedirects() {
        List<String> wrong = new ArrayList<>();
        for (Object[] row : API) {
            String path = (String) row[0];
            check(wrong, path, "anonymous", (int) row[1], given().redirects().follow(false).get(path).statusCode());
            int column = 2;
            for (var token : TOKENS.entrySet()) {
                check(wrong, path, token.getKey(), (int) row[column++],
                        given().redirects().follow(false).auth().oauth2(token.getValue()).get(path).statusCode());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPageSessionCookieDoesNotOpenTheApi() {
        SESSIONS.get("rose-trainer").request().get("/api/v1/me").then().statusCode(401);
    }

    private static void check(List<String> wrong, String path, String who, int expected, int actual) {
        if (expected != actual) {
            wrong.add(path + " as " + who + ": expected " + expected + " but was " + actual);
        }
    }
}
