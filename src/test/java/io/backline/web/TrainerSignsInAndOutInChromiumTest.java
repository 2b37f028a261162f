package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrainerSignsInAndOutInChromiumTest {

    @Test
    void trainerSignsInSeesTheClinicAndSignsOut() {
        try (Browser browser = new Browser()) {
            browser.open("/");
            browser.find("#username");
            assertTrue(browser.driver().getCurrentUrl().startsWith("http://localhost:8180/realms/backline/"),
                    "the app sends the browser to Keycloak's login page");

            browser.signIn("rose-trainer", Demo.PASSWORD);
            browser.waitForUrl("/dashboard");
            assertEquals(Demo.ROSE, browser.find("[data-testid=clinic-name]").getText());
            assertTrue(browser.text().contains("Jonas Reyes"));
            assertTrue(Files.exists(browser.screenshot("trainer-dashboard")));

            browser.open("/clients");
            assertTrue(browser.text().contains("Alex Morgan"));
            assertTrue(!browser.text().contains("Taylor Kim"), "no Cedar Hills client on a Rose City list");

            browser.find("a.sign-out").click();
            browser.find("[data-testid=confirm-sign-out]").click();
            browser.waitForUrl("/signed-out");
            assertTrue(browser.text().contains("You are signed out"));

            browser.open("/dashboard");
            browser.find("#username");
            assertTrue(browser.driver().getCurrentUrl().contains("/realms/backline/"),
                    "after signing out, the dashboard asks for a login again");

            assertEquals(List.of(), browser.accessibilityProblems());
        }
    }
}
