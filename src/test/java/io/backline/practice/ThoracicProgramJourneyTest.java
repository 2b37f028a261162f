package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The heart of Backline in a real browser: rose-trainer assigns the program to rose-client1 (60 s holds on 3
 * levels); rose-client1 runs the hold timer (shortened through its timerSeconds parameter) and checks off; the
 * trainer's dashboard shows the session and the adherence.
 */
@QuarkusTest
class ThoracicProgramJourneyTest {

    @Test
    void trainerAssignsClientRunsTheTimerAndChecksOffTrainerSeesIt() {
        TestData.endOpenAssignments(Demo.clientId("rose-client1"));
        String clientPage = "/clients/" + Demo.clientId("rose-client1");

        try (Browser trainer = new Browser()) {
            trainer.open("/");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            trainer.open(clientPage);
            WebElement form = trainer.find("[data-testid=assign-form]");
            new Select(form.findElement(By.name("programVersionId"))).selectByIndex(0);
            setValue(form.findElement(By.name("holdSeconds")), "60");
            setValue(form.findElement(By.name("levels")), "3");
            setValue(form.findElement(By.name("sessionsPerWeek")), "3");
            // The form's limits are the server's: the program names 3 levels, and a session a day at most.
            assertEquals("3", form.findElement(By.name("levels")).getDomAttribute("max"));
            assertEquals("7", form.findElement(By.name("sessionsPerWeek")).getDomAttribute("max"));
            form.findElement(By.cssSelector("button[type=submit]")).click();
            trainer.find("[data-testid=assignment]");
            assertTrue(trainer.text().contains("1 min per level on 3 levels"), trainer.text());
            assertEquals(List.of(), trainer.accessibilityProblems());
        }

        try (Browser client = new Browser(375, 812)) {
            client.open("/");
            client.signIn("rose-client1", Demo.PASSWORD);
            client.waitForUrl("/today");
            client.open("/today?timerSeconds=1");
            assertTrue(client.text().contains("Hold 1 min at each of 3 levels"), client.text());
            client.find("[data-testid=safety-rule]");
            client.screenshot("client-today-375");

            WebElement ready = client.find("[data-testid=ready-seconds]");
            assertEquals("5", ready.getDomAttribute("min"));
            assertEquals("30", ready.getDomAttribute("max"));
            // Record what the phone would feel: a buzz as each hold starts, a longer pattern as it ends.
            client.driver().executeScript("window.buzzes = []; navigator.vibrate = function (p) {"
                    + " window.buzzes.push(JSON.stringify(p)); return true; };");
            client.find("[data-testid=timer-start]").click();
            for (int level = 0; level < 3; level++) {
                WebDriverWait wait = new WebDriverWait(client.driver(), Duration.ofSeconds(20));
                if (level < 2) {
                    wait.until(d -> d.findElement(By.cssSelector("[data-testid=timer-next]")).isDisplayed());
                    client.find("[data-testid=timer-next]").click();
                } else {
                    wait.until(d -> "finished".equals(d.findElement(By.id("hold-timer")).getAttribute("data-state")));
                }
            }
            assertEquals(List.of("[200]", "[200,100,200]", "[200]", "[200,100,200]", "[200]", "[200,100,200]"),
                    client.driver().executeScript("return window.buzzes;"), "a start and an end cue for each hold");
            for (int level = 0; level < 3; level++) {
                assertEquals("1", client.driver().findElement(By.cssSelector("[data-hold-level='" + level + "']"))
                        .getDomProperty("value"), "the timer fills in the hold it timed");
            }
            client.screenshot("client-timer-finished-375");
            WebElement checkOff = client.find("#check-off");
            checkOff.findElement(By.cssSelector("input[name=feeling][value=INTENSE]")).click();
            new Select(checkOff.findElement(By.name("discomfort"))).selectByValue("3");
            checkOff.findElement(By.cssSelector("button[type=submit]")).click();
            client.waitForUrl("/today");
            assertTrue(client.text().contains("Session checked off"), client.text());
            assertTrue(client.text().contains("This week: 1 of"), client.text());
            assertEquals(List.of(), client.accessibilityProblems());

            // Who looked at or changed the client's data: its own page, linked from the foot of today.
            client.find("[data-testid=my-access-link]").click();
            client.waitForUrl("/today/access");
            String trail = client.find("[data-testid=my-access-log]").getText();
            assertTrue(trail.contains("You: "), "the client's own check-off is in the trail: " + trail);
            client.screenshot("client-access-375");
            assertEquals(List.of(), client.accessibilityProblems());
        }

        try (Browser trainer = new Browser()) {
            trainer.open("/");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            String row = trainer.find("[data-testid='row-" + Demo.clientId("rose-client1") + "']").getText();
            assertTrue(row.contains("Alex Morgan") && row.contains("%") && !row.contains("none yet"), row);
            trainer.screenshot("trainer-dashboard-with-session");
            trainer.open(clientPage);
            assertTrue(trainer.text().contains("Intense but fine"), "the session shows on the client page");
            trainer.screenshot("trainer-client-page");
            assertEquals(List.of(), trainer.accessibilityProblems());
        }
    }

    private static void setValue(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
