package io.backline.message;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A client's everyday loop as the two people live it: the client sets reminders, subscribes their phone's calendar
 * and writes to the care team; the trainer sees the unread message on the dashboard and replies; the client reads the
 * reply and looks at their progress.
 */
@QuarkusTest
class EverydayLoopInChromiumTest {
    private static final ZoneId PORTLAND = ZoneId.of("America/Los_Angeles");

    @Test
    void clientSetsRemindersSubscribesAndWritesTrainerRepliesClientSeesReplyAndProgress() throws Exception {
        String username = "loop-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Loop " + username.substring(5);
        UUID client = clientWithThreeWeeksOfSessions(username, name);

        String message = "Can I do the session after my evening run instead?";
        try (Browser phone = new Browser(412, 915)) {
            phone.open("/today");
            phone.signIn(username, Demo.PASSWORD);
            phone.waitForUrl("/today/screening");
            for (var no : phone.driver().findElements(By.cssSelector("[data-testid=screening-form] input[value=no]"))) {
                no.click();
            }
            phone.find("[data-testid=screening-form] button[type=submit]").click();
            awaitText(phone, "h1", "Hello");

            phone.find("[data-testid=reminders]").click();
            phone.waitForUrl("/today/reminders");
            for (String day : List.of("MONDAY", "WEDNESDAY", "FRIDAY")) {
                var box = phone.find("input[name=days][value=" + day + "]");
                if (!box.isSelected()) {
                    box.click();
                }
            }
            phone.find("#time").clear();
            phone.find("#time").sendKeys("25:00");
            phone.find("form button[type=submit]").click();
            assertFalse(phone.find("#time-error").getText().isBlank(), "a time outside the day is refused");
            assertEquals("25:00", phone.find("#time").getAttribute("value"), "what was typed stays in the box");
            phone.find("#time").clear();
            phone.find("#time").sendKeys("07:30");
            var emails = phone.find("input[name=emailOn]");
            if (!emails.isSelected()) {
                emails.click();
            }
            phone.find("form button[type=submit]").click();
            awaitText(phone, ".flash", "Reminders saved.");
            assertEquals("07:30", phone.find("#time").getAttribute("value"));
            phone.screenshot("loop-reminders");

            phone.open("/today");
            phone.find("[data-testid=calendar-link]").click();
            phone.find("[data-testid=make-calendar]").click();
            String feed = phone.find("[data-testid=calendar-url]").getAttribute("value");
            phone.screenshot("loop-calendar");
            String ics = given().get(feed).then().statusCode(200).contentType("text/calendar").extract().asString();
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            assertFalse(calendar.<VEvent> getComponents("VEVENT").isEmpty(), "the planned sessions are in the feed");

            phone.open("/today");
            phone.find("[data-testid=my-messages]").click();
            phone.find("textarea[name=body]").sendKeys(message);
            phone.find("form.stack-form button[type=submit]").click();
            awaitText(phone, "[data-testid=messages]", message);
            assertEquals(List.of(), phone.accessibilityProblems());
        }

        String reply = "Yes, any time of day works; keep the holds short after a run.";
        try (Browser trainer = new Browser()) {
            trainer.open("/dashboard");
            trainer.signIn("rose-trainer", Demo.PASSWORD);
            trainer.waitForUrl("/dashboard");
            var unread = trainer.find("[data-testid=row-" + client + "] [data-testid=unread]");
            assertEquals("1 unread", unread.getText());
            trainer.screenshot("loop-dashboard");
            unread.findElement(By.tagName("a")).click();
            trainer.waitForUrl("/clients/" + client + "/messages");
            assertTrue(trainer.find("[data-testid=messages]").getText().contains(message));
            trainer.find("textarea[name=body]").sendKeys(reply);
            trainer.find("form.stack-form button[type=submit]").click();
            awaitText(trainer, "[data-testid=messages]", reply);
            trainer.open("/dashboard");
            assertEquals("—", trainer.find("[data-testid=row-" + client + "] [data-testid=unread]").getText(),
                    "read once the trainer opened the conversation");
            assertEquals(List.of(), trainer.accessibilityProblems());
        }

        try (Browser phone = new Browser(412, 915)) {
            phone.open("/today");
            phone.signIn(username, Demo.PASSWORD);
            phone.waitForUrl("/today");
            assertEquals("Messages (1 new)", phone.find("[data-testid=my-messages]").getText());
            phone.find("[data-testid=my-messages]").click();
            String conversation = phone.find("[data-testid=messages]").getText();
            assertTrue(conversation.startsWith("Jonas Reyes") && conversation.contains(reply), conversation);
            phone.screenshot("loop-reply");

            phone.open("/today");
            phone.find("[data-testid=progress-link]").click();
            phone.waitForUrl("/today/progress");
            assertEquals(2, phone.driver().findElements(By.cssSelector(".charts figure svg")).size(), "two charts");
            String weeks = phone.find("[data-testid=weeks]").getText();
            assertTrue(weeks.contains("3 of 3"), weeks);
            assertEquals(6, phone.driver().findElements(By.cssSelector("[data-testid=session]")).size());
            phone.screenshot("loop-progress");
            assertEquals(List.of(), phone.accessibilityProblems());
        }
    }

    /** A client with an account on rose-trainer's care team, started three weeks ago, who did 3 + 3 sessions. */
    private static UUID clientWithThreeWeeksOfSessions(String username, String name) {
        String email = username + "@people.example";
        String userId = KeycloakAdmin.createUser(username, email, List.of("client"), List.of("rose-city"));
        UUID client = UUID.randomUUID();
        TestData.sql("insert into client (id, clinic_id, user_id, full_name, email) values (?::uuid, 'rose-city', ?::uuid, ?, ?)",
                client.toString(), userId, name, email);
        TestData.sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values ('rose-city', ?::uuid, ?::uuid, true)",
                client.toString(), Demo.staffId("rose-trainer").toString());
        LocalDate thisMonday = LocalDate.now(PORTLAND).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        UUID assignment = TestData.assignBuiltInProgram("rose-city", client, "rose-trainer", thisMonday.minusWeeks(2), 3);
        for (int week = 2; week >= 1; week--) {
            for (int day : new int[] { 0, 2, 4 }) {
                TestData.sql("""
                        insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                            discomfort, feeling, idempotency_key)
                        values (gen_random_uuid(), 'rose-city', ?::uuid, ?::uuid, ?, '{60,45,30}', ?, 'GOOD', gen_random_uuid())""",
                        assignment.toString(), client.toString(), thisMonday.minusWeeks(week).plusDays(day), 2 + day / 2);
            }
        }
        return client;
    }

    /** After a click the page reloads: waits for the new page's text, not the old page's element. */
    private static void awaitText(Browser browser, String css, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
    }
}
