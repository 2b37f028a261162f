package io.backline.symptom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * rose-client1 reports numbness during a session: "today" shows the pause and the stop-and-consult guidance;
 * rose-trainer, already looking at the flag queue, sees the flag appear without reloading, acknowledges it and
 * opens a referral draft with a physician suggested; the alert email reaches the SMTP server.
 */
@QuarkusTest
class RedFlagJourneyTest {

    @Test
    void clientReportsNumbnessTrainerSeesItActsAndIsEmailed() {
        var client1 = Demo.clientId("rose-client1");
        TestData.endOpenAssignments(client1);
        String page = "/clients/" + client1;
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        SignIn.as("rose-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today.minusDays(3).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);

        try (Browser trainer = new Browser(); Browser client = new Browser(375, 812)) {
            trainer.open("/");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            trainer.open("/flags");
            String badgeBefore = trainer.find("[data-flag-badge]").getText();

            client.open("/");
            client.signIn("rose-client1", Demo.PASSWORD);
            client.waitForUrl("/today");
            WebElement checkOff = client.find("#check-off");
            checkOff.findElement(By.cssSelector("input[name=feeling][value=HARD]")).click();
            checkOff.findElement(By.name("worseOrUnsafe")).click();
            checkOff.findElement(By.cssSelector("button[type=submit]")).click();
            client.waitForUrl("/today/flags/new");
            client.find("[data-testid=stop-guidance]");
            WebElement form = client.find("[data-testid=flag-form]");
            form.findElement(By.cssSelector("input[name=type][value=NUMBNESS_OR_TINGLING]")).click();
            form.findElement(By.name("severity")).sendKeys("4");
            form.findElement(By.cssSelector("input[name=region][value=UPPER_THORACIC]")).click();
            form.findElement(By.cssSelector("input[name=when][value=DURING]")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            // The form page has stop guidance too: wait for what only the result page shows, then look for it.
            assertTrue(client.find("[data-testid=explanation]").getText().toLowerCase().contains("numbness"));
            client.find("[data-testid=stop-guidance]");
            client.screenshot("client-red-flag-375");
            client.open("/today");
            client.find("[data-testid=paused]");
            assertEquals(List.of(), client.accessibilityProblems());

            // No reload: the queue and the badge refresh themselves within a minute.
            new WebDriverWait(trainer.driver(), Duration.ofSeconds(65))
                    .until(d -> d.findElement(By.cssSelector("[data-testid=flag-queue]")).getText().contains("Alex Morgan"));
            assertTrue(!trainer.find("[data-flag-badge]").getText().equals(badgeBefore), "the badge counted the new flag");
            trainer.driver().findElement(By.linkText("Alex Morgan")).click();
            trainer.waitForUrl("/flags/");
            String flagUrl = trainer.driver().getCurrentUrl();
            trainer.find("form[action$='/acknowledge'] button").click();
            trainer.find("form[action$='/refer'] button").click();
            trainer.waitForUrl("/flags/drafts/");
            assertEquals("Physician", trainer.find("[data-testid=draft-specialty]").getText());
            trainer.screenshot("trainer-referral-draft");
            assertEquals(List.of(), trainer.accessibilityProblems());

            String flagId = flagUrl.substring(flagUrl.lastIndexOf('/') + 1);
            List<String> mails = MailServer.awaitMessagesContaining(flagId, 1, Duration.ofSeconds(20));
            assertEquals(1, mails.size());
            assertTrue(mails.get(0).contains("rose-trainer@rosecitymovement.example"));
        }
    }
}
