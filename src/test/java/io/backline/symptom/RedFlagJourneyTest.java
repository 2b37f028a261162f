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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * rose-client1 ticks "something got worse, or it felt unsafe" at check-off and closes the follow-up form without
 * sending it: "today" shows the pause; rose-trainer, already looking at the flag queue, sees a red flag appear
 * without reloading, acknowledges it and opens a referral draft; the alert email reaches the SMTP server.
 */
@QuarkusTest
class RedFlagJourneyTest {

    @Test
    void clientTicksWorseOrUnsafeWalksAwayAndTheTrainerIsAlertedAnyway() {
        var client1 = Demo.clientId("rose-client1");
        TestData.endOpenAssignments(client1);
        String page = "/clients/" + client1;
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        SignIn.as("rose-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today.minusDays(3).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);

        // Earlier tests leave open flags; the queue lists 25 a page, oldest first, so start from a handled queue.
        TestData.sql("update symptom_flag set status = 'RESOLVED' where clinic_id = 'rose-city' and status <> 'RESOLVED'");

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
            for (WebElement hold : checkOff.findElements(By.name("hold"))) {
                assertEquals("", hold.getDomProperty("value"), "holds are not prefilled with the prescription");
                hold.sendKeys("45");
            }
            Select discomfort = new Select(checkOff.findElement(By.name("discomfort")));
            assertEquals("", discomfort.getFirstSelectedOption().getDomProperty("value"), "discomfort must be chosen");
            discomfort.selectByValue("2");
            checkOff.findElement(By.cssSelector("input[name=feeling][value=HARD]")).click();
            checkOff.findElement(By.name("worseOrUnsafe")).click();
            checkOff.findElement(By.cssSelector("button[type=submit]")).click();
            client.waitForUrl("/today/flags/new");
            assertTrue(client.find("[data-testid=stop-guidance]").getText().contains("already been told"));
            client.screenshot("client-tick-follow-up-375");
            // The client walks away without sending the follow-up form.
            client.open("/today");
            client.find("[data-testid=paused]");
            assertTrue(client.find("[data-testid=clinic-contact]").getText().contains("503-555-0142"));
            assertEquals(List.of(), client.accessibilityProblems());

            String flagId = TestData.string("""
                    select id::text from symptom_flag where client_id = ?::uuid and source = 'CHECK_OFF'
                    order by reported_at desc limit 1""", client1.toString());
            assertEquals("RED", TestData.string("select level from symptom_flag where id = ?::uuid", flagId));

            // No reload: the queue and the badge refresh themselves within a minute.
            new WebDriverWait(trainer.driver(), Duration.ofSeconds(65))
                    .until(d -> !d.findElements(By.cssSelector("[data-testid=flag-queue] a[href='/flags/" + flagId + "']")).isEmpty());
            assertTrue(!trainer.find("[data-flag-badge]").getText().equals(badgeBefore), "the badge counted the new flag");
            trainer.screenshot("trainer-queue-with-tick");
            trainer.driver().findElement(By.cssSelector("[data-testid=flag-queue] a[href='/flags/" + flagId + "']")).click();
            trainer.waitForUrl("/flags/" + flagId);
            trainer.submitWith("form[action$='/acknowledge'] button");
            trainer.find("form[action$='/refer'] button").click();
            trainer.waitForUrl("/flags/drafts/");
            assertEquals("Physical therapist", trainer.find("[data-testid=draft-specialty]").getText());
            trainer.screenshot("trainer-referral-draft");
            assertEquals(List.of(), trainer.accessibilityProblems());

            assertTrue(MailServer.exactlyOne(flagId, Duration.ofSeconds(3)).contains("rose-trainer@rosecitymovement.example"));
        }
    }

    /**
     * The same through the API: rose-client2's app checks off a session ticked worse or unsafe and sends nothing else.
     * rose-trainer, on the flag queue, sees the red flag and the badge change without a reload; the client's Today
     * shows the pause; and the trainer cannot resume the program until a clearance is recorded.
     */
    @Test
    void aTickThroughTheApiReachesTheTrainerAndTheProgramWaitsForClearance() {
        var client2 = Demo.clientId("rose-client2");
        TestData.endOpenAssignments(client2);
        String page = "/clients/" + client2;
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        SignIn.as("rose-trainer").submit(page, page + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", today.minusDays(3).toString(), "endDate", "", "notes", ""))
                .then().statusCode(303);
        String assignment = TestData.string("select id::text from assignment where client_id = ?::uuid and status = 'ACTIVE'",
                client2.toString());
        TestData.sql("update symptom_flag set status = 'RESOLVED' where clinic_id = 'rose-city' and status <> 'RESOLVED'");

        try (Browser trainer = new Browser(); Browser client = new Browser(375, 812)) {
            trainer.open("/");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            trainer.open("/flags");
            String badgeBefore = trainer.find("[data-flag-badge]").getText();

            String session = io.restassured.RestAssured.given().auth().oauth2(io.backline.support.Tokens.accessToken("rose-client2"))
                    .contentType("application/json").body("""
                            {"performedOn":"%s","holdSeconds":[50,40,30],"discomfort":4,"feeling":"HARD","worseOrUnsafe":true,
                             "idempotencyKey":"%s"}""".formatted(today, java.util.UUID.randomUUID()))
                    .post("/api/v1/assignments/" + assignment + "/sessions").then().statusCode(201).extract().path("id");
            String flagId = TestData.string("select id::text from symptom_flag where session_id = ?::uuid", session);

            new WebDriverWait(trainer.driver(), Duration.ofSeconds(65))
                    .until(d -> !d.findElements(By.cssSelector("[data-testid=flag-queue] a[href='/flags/" + flagId + "']")).isEmpty());
            assertTrue(!trainer.find("[data-flag-badge]").getText().equals(badgeBefore), "the badge counted the new flag");
            assertTrue(MailServer.exactlyOne(flagId, Duration.ofSeconds(3)).contains("rose-trainer@rosecitymovement.example"));

            client.open("/");
            client.signIn("rose-client2", Demo.PASSWORD);
            client.waitForUrl("/today");
            client.find("[data-testid=paused]");
            assertTrue(client.find("[data-testid=awaits-clearance]").getText().contains("health professional"));

            trainer.driver().findElement(By.cssSelector("[data-testid=flag-queue] a[href='/flags/" + flagId + "']")).click();
            trainer.waitForUrl("/flags/" + flagId);
            trainer.submitWith("form[action$='/acknowledge'] button");
            trainer.submitWith("form[action$='/resume'] button");
            assertTrue(trainer.find("[data-testid=flag-error]").getText().contains("Record a clearance first"));
            trainer.screenshot("trainer-resume-refused");
            assertEquals("PAUSED", TestData.string("select status from assignment where id = ?::uuid", assignment));
            assertEquals(List.of(), trainer.accessibilityProblems());
            assertEquals(List.of(), client.accessibilityProblems());
        }
    }
}
