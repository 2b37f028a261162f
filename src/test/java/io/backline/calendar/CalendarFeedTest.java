package io.backline.calendar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.restassured.response.Response;

/**
 * The calendar feed as a phone sees it: the planned days with the prescription and the stop rule, the trainer's
 * change at the next fetch, nothing while paused, 404 once revoked or tampered with, and one clinic's address never
 * showing another's sessions.
 */
@io.quarkus.test.junit.QuarkusTest
class CalendarFeedTest {
    private static final ZoneId PORTLAND = ZoneId.of("America/Los_Angeles");
    private static final String STOP_RULE = "stop straight away and talk to a health professional";

    @Test
    void aClientSubscribesAndTheirCalendarFollowsThePrescription() throws Exception {
        UUID client = Demo.clientId("cedar-client3");
        TestData.endOpenAssignments(client);
        LocalDate today = LocalDate.now(PORTLAND);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        UUID assignment = TestData.assignBuiltInProgram("cedar-hills", client, "cedar-trainer", monday.minusWeeks(1), 3);
        SignIn.Session session = SignIn.as("cedar-client3");

        Response made = session.submit("/today/calendar", "/today/calendar", Map.of());
        assertEquals(200, made.statusCode());
        Document page = Jsoup.parse(made.asString());
        String address = page.selectFirst("[data-testid=calendar-url]").val();
        assertTrue(page.selectFirst("[data-testid=webcal-link]").attr("href").startsWith("webcal://"));
        String feed = address.substring(address.indexOf("/calendar/"));
        // Shown once: the page opened again has no address to copy, only that one exists.
        Document again = Jsoup.parse(session.request().get("/today/calendar").asString());
        assertTrue(again.select("[data-testid=calendar-url]").isEmpty());
        assertNotNull(again.selectFirst("[data-testid=calendar-since]"));
        assertFalse(again.select("form input[name=csrf-token]").isEmpty(), "the page's forms carry the CSRF token");

        Response first = given().get(feed);
        assertEquals(200, first.statusCode());
        assertTrue(first.contentType().startsWith("text/calendar"), first.contentType());
        assertEquals("no-store", first.header("Cache-Control"), "nothing keeps an old prescription");
        List<VEvent> events = events(first.asString());
        LocalDate from = today.minusWeeks(2);
        LocalDate to = today.plusWeeks(8);
        List<LocalDate> expected = monday.minusWeeks(1).datesUntil(to.plusDays(1))
                .filter(day -> !day.isBefore(from))
                .filter(day -> List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY).contains(day.getDayOfWeek()))
                .toList();
        assertEquals(expected, events.stream().map(CalendarFeedTest::day).toList());
        String description = text(events.get(0), Property.DESCRIPTION);
        assertTrue(description.contains("Hold 1 min at each of 3 levels, 3 times a week."), description);
        assertTrue(description.contains(STOP_RULE), description);
        String uid = text(events.get(0), Property.UID);

        // The trainer changes the prescription: the next fetch has it, on the same events.
        TestData.sql("""
                insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week,
                    start_date, created_by) values (gen_random_uuid(), 'cedar-hills', ?::uuid, 2, 120, 2, 2, ?, ?::uuid)""",
                assignment.toString(), monday.minusWeeks(1), Demo.staffId("cedar-trainer").toString());
        List<VEvent> changed = events(given().get(feed).asString());
        assertTrue(changed.stream().allMatch(event -> List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)
                .contains(day(event).getDayOfWeek())));
        assertTrue(text(changed.get(0), Property.DESCRIPTION).contains("Hold 2 min at each of 2 levels, 2 times a week."));
        assertEquals(uid, text(changed.get(0), Property.UID), "a planned day keeps its UID, so the phone updates it");
        // Phones poll often: the trail records the first read of the day only.
        assertEquals(1, TestData.count("select count(*) from audit_trail where client_id = ?::uuid and action = ?",
                client.toString(), CalendarFeeds.READ));

        TestData.setStatus(client, "PAUSED");
        Response paused = given().get(feed);
        assertEquals(200, paused.statusCode());
        assertEquals(List.of(), events(paused.asString()));
        TestData.setStatus(client, "ACTIVE");

        String token = feed.substring("/calendar/".length());
        char last = token.charAt(token.length() - 1);
        given().get("/calendar/" + token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')).then().statusCode(404);

        assertEquals(303, session.submit("/today/calendar", "/today/calendar/revoke", Map.of()).statusCode());
        given().get(feed).then().statusCode(404);
        TestData.endOpenAssignments(client);
    }

    @Test
    void oneClinicsAddressNeverShowsAnotherClinicsSessions() throws Exception {
        LocalDate start = LocalDate.now(PORTLAND).minusDays(7);
        UUID rose = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Feed Rose");
        UUID roseAssignment = TestData.assignBuiltInProgram("rose-city", rose, "rose-trainer", start, 3);
        UUID cedar = TestData.clientOnCareTeam("cedar-hills", "cedar-trainer", "Feed Cedar");
        UUID cedarAssignment = TestData.assignBuiltInProgram("cedar-hills", cedar, "cedar-trainer", start, 2);
        String roseToken = token();
        String cedarToken = token();
        feedFor("rose-city", rose, roseToken);
        feedFor("cedar-hills", cedar, cedarToken);

        String roseFeed = given().get("/calendar/" + roseToken).then().statusCode(200).extract().asString();
        String cedarFeed = given().get("/calendar/" + cedarToken).then().statusCode(200).extract().asString();
        assertTrue(roseFeed.contains(roseAssignment.toString()) && !roseFeed.contains(cedarAssignment.toString()));
        assertTrue(cedarFeed.contains(cedarAssignment.toString()) && !cedarFeed.contains(roseAssignment.toString()));
        assertTrue(events(roseFeed).stream().allMatch(event -> text(event, Property.DESCRIPTION).contains("3 times a week")));
        assertTrue(events(cedarFeed).stream().allMatch(event -> text(event, Property.DESCRIPTION).contains("2 times a week")));
    }

    private static void feedFor(String clinic, UUID client, String token) {
        TestData.sql("""
                insert into calendar_feed (id, clinic_id, client_id, token_hash)
                values (gen_random_uuid(), ?, ?::uuid, ?)""", clinic, client.toString(), CalendarFeedService.hash(token));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents("VEVENT");
    }

    private static LocalDate day(VEvent event) {
        return LocalDate.from(event.getDateTimeStart().orElseThrow().getDate());
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
