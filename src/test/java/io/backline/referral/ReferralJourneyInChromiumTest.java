package io.backline.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The closed loop as three people live it: a trainer finds a massage therapist near Beaverton and refers a client,
 * the client consents in their account, the provider opens the emailed link with no account, acknowledges and
 * replies, and the trainer reads the reply on the timeline.
 */
@QuarkusTest
class ReferralJourneyInChromiumTest {

    @Test
    void trainerRefersClientConsentsProviderRepliesTrainerSeesIt() {
        String referralUrl;
        try (Browser trainer = new Browser()) {
            trainer.open("/directory");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/directory");
            new Select(trainer.find("#specialty")).selectByValue("MASSAGE_THERAPIST");
            trainer.find("#near").sendKeys("97005");
            trainer.find("#radius").sendKeys("3");
            trainer.find("input[name=accepting]").click();
            trainer.find("[data-testid=directory-search] button[type=submit]").click();
            trainer.waitForUrl("near=97005");
            String results = trainer.find("[data-testid=providers]").getText();
            assertTrue(results.contains("Daniel Whitfield") && !results.contains("Sergei Morozov"), results);
            trainer.screenshot("directory-search");

            trainer.driver().findElement(By.partialLinkText("Daniel Whitfield")).click();
            trainer.find("a.button[href^='/referrals/new']").click();
            new Select(trainer.find("#clientId")).selectByVisibleText("Alex Morgan");
            new Select(trainer.find("#urgency")).selectByValue("SOON");
            trainer.find("#reason").sendKeys("Tight upper back between the shoulder blades; holds at level two stay short");
            trainer.find("[data-testid=referral-form] button[type=submit]").click();
            trainer.find("[data-testid=consent]");
            assertTrue(trainer.text().contains("No consent yet"));
            referralUrl = trainer.driver().getCurrentUrl();
            assertEquals(List.of(), trainer.accessibilityProblems());
        }

        try (Browser client = new Browser(412, 915)) {
            client.open("/today/referrals");
            client.signIn("rose-client1", Demo.PASSWORD);
            client.waitForUrl("/today/referrals");
            client.driver().findElement(By.partialLinkText("Daniel Whitfield")).click();
            client.find("[data-testid=my-consent]");
            client.screenshot("client-consent-question");
            client.driver().findElement(By.xpath("//button[contains(., 'Yes, share with Daniel Whitfield')]")).click();
            awaitText(client, "[data-testid=my-consent]", "You agreed");
            assertEquals(List.of(), client.accessibilityProblems());
        }

        String id = referralUrl.substring(referralUrl.lastIndexOf('/') + 1);
        try (Browser trainer = new Browser()) {
            trainer.open(referralUrl);
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/referrals/");
            assertTrue(trainer.find("[data-testid=consent]").getText().contains("in their account"));
            trainer.driver().findElement(By.xpath("//button[contains(., 'Send to Daniel Whitfield')]")).click();
            awaitText(trainer, "[data-testid=referral-status]", "Sent");
        }

        String mail = MailServer.awaitMessagesContaining(id, 1, Duration.ofSeconds(20)).get(0);
        String link = MailServer.link(mail, "http://localhost:8081/provider/referrals/" + id);
        try (Browser provider = new Browser()) {
            provider.open(link);
            assertTrue(provider.text().contains("Alex Morgan") && provider.text().contains("Tight upper back"), provider.text());
            provider.driver().findElement(By.xpath("//button[contains(., 'Acknowledge receipt')]")).click();
            awaitText(provider, "[data-testid=referral-status]", "Acknowledged");
            provider.find("#findings").sendKeys("Guarded extension around T4 to T6; no warning signs");
            provider.find("#recommendations").sendKeys("Continue the foam roller program at level one for two weeks");
            provider.find("[data-testid=reply-form] button[type=submit]").click();
            provider.find(".flash");
            provider.screenshot("provider-replied");
            assertEquals(List.of(), provider.accessibilityProblems());
        }

        try (Browser trainer = new Browser()) {
            trainer.open(referralUrl);
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/referrals/");
            assertTrue(trainer.find("[data-testid=provider-reply]").getText().contains("Guarded extension around T4 to T6"));
            String timeline = trainer.find("[data-testid=referral-timeline]").getText();
            assertTrue(timeline.contains("acknowledged · Daniel Whitfield") && timeline.contains("sent · Jonas Reyes"), timeline);
            trainer.screenshot("referral-timeline");
        }
    }

    /** After a click the page reloads: waits for the new page's text, not the old page's element. */
    private static void awaitText(Browser browser, String css, String startingWith) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText().startsWith(startingWith));
    }
}
