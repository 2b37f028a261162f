package io.backline.invitation;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Keycloak stopped dead (SIGSTOP: it still accepts connections, as a hung or swapping server does, but never
 * answers). Admin changes that need it must give up after the admin client's read timeout (12 s in tests) with a
 * page that says to try again, save nothing, and work again once Keycloak is back. Without the timeout the request
 * would wait for ever and hold one of the instance's worker threads.
 */
@QuarkusTest
class KeycloakNotAnsweringTest {
    private static final String PAGE = "/invitations";
    /** Well past the 12 s read timeout, well short of "for ever". */
    private static final Duration NO_LONGER_THAN = Duration.ofSeconds(40);

    private final ExecutorService requests = Executors.newSingleThreadExecutor();
    private List<ProcessHandle> frozen = List.of();
    /** Should this JVM die with Keycloak stopped, Keycloak would ignore even the watchdog's SIGTERM. */
    private final Thread thawOnExit = new Thread(this::thawKeycloak);

    @BeforeEach
    void thawKeycloakShouldThisJvmDie() {
        Runtime.getRuntime().addShutdownHook(thawOnExit);
    }

    @AfterEach
    void thawKeycloakAndStopWaiting() {
        thawKeycloak();
        Runtime.getRuntime().removeShutdownHook(thawOnExit);
        requests.shutdownNow();
    }

    @Test
    void anInvitationGivesUpWithAMessageAndSavesNothingThenWorksOnceKeycloakIsBack() throws Exception {
        var admin = SignIn.as("rose-admin");
        String email = "hung-" + UUID.randomUUID().toString().substring(0, 8) + "@invited.example";
        Map<String, Object> fields = Map.of("fullName", "Hana Hung", "email", email, "phone", "", "role", "client",
                "leadTrainerId", Demo.staffId("rose-trainer").toString());
        Map<String, String> hidden = admin.hiddenFields(PAGE, PAGE);

        freezeKeycloak();
        Response refused = answerWithin(() -> admin.resubmit(PAGE, PAGE, fields, hidden));

        assertEquals(503, refused.statusCode());
        refused.then().body(containsString("could not be sent just now"), containsString("Nothing was saved"),
                containsString("value=\"" + email + "\""), containsString("Hana Hung"));
        assertEquals(0, TestData.count("select count(*) from invitation where email = ?", email));

        thawKeycloak();
        admin.resubmit(PAGE, PAGE, fields, hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from invitation where email = ?", email));
        assertNotNull(KeycloakAdmin.userIdByEmail(email), "the account was made once Keycloak answered again");
    }

    @Test
    void deactivatingAClientInTheBrowserAnswersTryAgainAndLeavesThemActive() throws Exception {
        String username = "hung-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("client"), List.of("rose-city"));
        UUID client = UUID.randomUUID();
        TestData.sql("insert into client (id, clinic_id, user_id, full_name, email) values (?::uuid, 'rose-city', ?::uuid, ?, ?)",
                client.toString(), userId, "Person " + username, username + "@people.example");
        String profile = "/clients/" + client + "/profile";
        try (Browser admin = new Browser()) {
            admin.open(profile);
            admin.signIn("rose-admin", Demo.PASSWORD);
            admin.waitForUrl(profile);

            freezeKeycloak();
            answerWithin(() -> {
                admin.find("form[action$='/deactivate'] button").click();
                return admin.find(".error-page h1").getText();
            });

            assertTrue(admin.text().contains(
                    "could not reach the sign-in service or the mail server just now, so nothing was saved"), admin.text());
            admin.screenshot("keycloak-not-answering");
            assertEquals(List.of(), admin.accessibilityProblems());
        }
        assertEquals(1, TestData.count("select count(*) from client where id = ?::uuid and active", client.toString()));
    }

    private <T> T answerWithin(Callable<T> request) throws Exception {
        var answer = requests.submit(request);
        try {
            return answer.get(NO_LONGER_THAN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + NO_LONGER_THAN + " while Keycloak was not answering", e);
        }
    }

    /**
     * The Keycloak the tests talk to, whoever started it (this build, dev mode, another clone's build): the Java
     * process that deploy/keycloak/dev-keycloak.sh starts with the tests' port.
     */
    private void freezeKeycloak() {
        String port = "--http-port=" + URI.create(KeycloakAdmin.KEYCLOAK).getPort();
        frozen = ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> line.contains("kc.home.dir") && line.contains(port)).isPresent()).toList();
        assertFalse(frozen.isEmpty(), "no Keycloak started by deploy/keycloak/dev-keycloak.sh with " + port);
        signal("STOP", frozen);
    }

    private void thawKeycloak() {
        signal("CONT", frozen);
        frozen = List.of();
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            try {
                int exit = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + process.pid()).inheritIO().start().waitFor();
                if (exit != 0 && process.isAlive()) {
                    throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
