package io.backline.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole invitation, as people live it: an admin invites a client in the browser, the client reads Keycloak's
 * email, follows its link, chooses a password, signs in and finds their clinic.
 */
@QuarkusTest
class InvitedClientJourneyInChromiumTest {

    @Test
    void anInvitedClientSetsAPasswordSignsInAndSeesTheClinic() {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@invited.example";
        String password = "Foam-roller-2026!";
        try (Browser admin = new Browser()) {
            admin.open("/invitations");
            admin.signIn("rose-admin", Demo.PASSWORD);
            admin.waitForUrl("/invitations");
            admin.find("#fullName").sendKeys("Jamie Invited");
            admin.find("#email").sendKeys(email);
            new Select(admin.find("#role")).selectByValue("client");
            new Select(admin.find("#leadTrainerId")).selectByVisibleText("Jonas Reyes");
            admin.find("[data-testid=invite-form] button[type=submit]").click();
            admin.find(".flash");
            assertTrue(admin.text().contains("Invitation sent to " + email), admin.text());
            assertTrue(admin.find("[data-testid=pending-invitations]").getText().contains("Jamie Invited"));
            admin.screenshot("invitations-pending");
            assertEquals(List.of(), admin.accessibilityProblems());
        }

        String mail = MailServer.awaitMessagesContaining(email, 1, Duration.ofSeconds(30)).get(0);
        String link = MailServer.link(mail, "http://localhost:8180/realms/backline/login-actions/action-token?");

        try (Browser client = new Browser()) {
            client.open(link);
            // Keycloak may first list the action to perform, with a link to go on.
            List<org.openqa.selenium.WebElement> proceed = client.driver().findElements(By.partialLinkText("proceed"));
            if (!proceed.isEmpty()) {
                proceed.get(0).click();
            }
            client.find("#password-new").sendKeys(password);
            client.find("#password-confirm").sendKeys(password);
            client.screenshot("invitation-set-password");
            client.driver().findElement(By.cssSelector("[type=submit]")).click();

            // Back to Backline: straight away, or through Keycloak's "account updated" page and a sign-in.
            new org.openqa.selenium.support.ui.WebDriverWait(client.driver(), Duration.ofSeconds(20)).until(driver ->
                    driver.getCurrentUrl().startsWith(Browser.APP) || !driver.findElements(By.partialLinkText("Back to")).isEmpty()
                            || !driver.findElements(By.id("username")).isEmpty());
            if (!client.driver().getCurrentUrl().startsWith(Browser.APP)) {
                List<org.openqa.selenium.WebElement> back = client.driver().findElements(By.partialLinkText("Back to"));
                if (!back.isEmpty()) {
                    back.get(0).click();
                }
            }
            if (!client.driver().findElements(By.id("username")).isEmpty()
                    || !client.driver().getCurrentUrl().startsWith(Browser.APP)) {
                client.signIn(email, password);
            }
            // A new client answers the pre-exercise questions before anything else.
            client.waitForUrl("/today/screening");
            assertEquals(Demo.ROSE, client.find("[data-testid=clinic-name]").getText());
            client.find("[data-testid=screening-form]");
            client.screenshot("invited-client-screening");
        }
        assertEquals("accepted", io.backline.support.TestData.string("select status from invitation where email = ?", email));
    }
}
