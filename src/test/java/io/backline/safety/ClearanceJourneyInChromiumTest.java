package io.backline.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * cedar-client5 signs in for the first time with a program already assigned, answers "yes" to osteoporosis and finds
 * the program on hold; cedar-trainer2 cannot resume it until they record the physician's clearance, and then can.
 */
@QuarkusTest
class ClearanceJourneyInChromiumTest {

    @Test
    void aYesOnScreeningHoldsTheProgramUntilTheTrainerRecordsAClearance() {
        UUID client = Demo.clientId("cedar-client5");
        TestData.endOpenAssignments(client);
        TestData.sql("delete from screening where client_id = ?::uuid", client.toString());
        TestData.sql("update client set screened_at = null where id = ?::uuid", client.toString());
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        String page = "/clients/" + client;
        SignIn.as("cedar-trainer2").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today.toString(), "endDate", "", "notes", "")).then().statusCode(303);

        try (Browser clientBrowser = new Browser(375, 812); Browser trainer = new Browser()) {
            clientBrowser.open("/");
            clientBrowser.signIn("cedar-client5", Demo.PASSWORD);
            clientBrowser.waitForUrl("/today/screening");
            WebElement form = clientBrowser.find("[data-testid=screening-form]");
            for (ScreeningQuestion question : ScreeningQuestion.values()) {
                String answer = question == ScreeningQuestion.OSTEOPOROSIS ? "yes" : "no";
                form.findElement(By.cssSelector("input[name=" + question.name() + "][value=" + answer + "]")).click();
            }
            clientBrowser.screenshot("client-screening-375");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            clientBrowser.waitForUrl("/today");
            clientBrowser.find("[data-testid=awaits-clearance]");
            assertTrue(clientBrowser.driver().findElements(By.id("check-off")).isEmpty(), "no check-off while on hold");
            assertTrue(clientBrowser.find("[data-testid=clinic-contact]").getText().contains("971-555-0167"));
            clientBrowser.screenshot("client-awaits-clearance-375");
            assertEquals(List.of(), clientBrowser.accessibilityProblems());

            trainer.open("/");
            trainer.signIn("cedar-trainer2", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            trainer.open(page);
            trainer.find("form[action$='/resume'] button").click();
            assertTrue(trainer.find("[data-testid=resume-refused]").getText().contains("Record a clearance first"));
            trainer.find("[data-testid=safety-record]").click();
            trainer.waitForUrl("/safety");
            assertTrue(trainer.find("[data-testid=clearance-needed]").getText().contains("pre-exercise questions"));
            assertTrue(trainer.find("[data-testid=screening-yes]").getText().contains("osteoporosis"));
            WebElement clearance = trainer.find("[data-testid=clearance-form]");
            clearance.findElement(By.name("professionalName")).sendKeys("Dr. Amara Lindgren");
            new Select(clearance.findElement(By.name("professionalRole"))).selectByValue("PHYSICIAN");
            clearance.findElement(By.name("note")).sendKeys("Bone density fine for supported extension");
            trainer.screenshot("trainer-safety-record");
            clearance.findElement(By.cssSelector("button[type=submit]")).click();
            assertTrue(trainer.find("[data-testid=clearance-ok]").getText().contains("Dr. Amara Lindgren"));
            trainer.open(page);
            trainer.find("form[action$='/resume'] button").click();
            assertTrue(trainer.find(".flash").getText().contains("Resumed"));
            assertEquals(List.of(), trainer.accessibilityProblems());

            clientBrowser.open("/today");
            clientBrowser.find("#check-off");
        }
    }
}
