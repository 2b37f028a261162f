package io.backline.directory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestClock;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The directory stays true in production: the operator loads the shared entries, a provider keeps their own listing
 * current through an emailed link, and a listing nobody confirmed for 180 days says so.
 */
@QuarkusTest
class DirectoryUpkeepTest {
    private static final String APP = "http://localhost:8081";

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private static Document page(SignIn.Session session, String path) {
        return Jsoup.parse(session.request().get(path).then().statusCode(200).extract().asString());
    }

    private static List<String> names(SignIn.Session session, String query) {
        return page(session, "/directory?" + query).select("[data-testid=providers] li[data-provider] strong").eachText();
    }

    private static Response upload(SignIn.Session session, String csv) {
        Map<String, String> hidden = session.hiddenFields("/operator/directory", "/operator/directory");
        var upload = given().redirects().follow(false).cookies(session.cookies())
                .multiPart("file", "shared.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        hidden.forEach(upload::multiPart);
        return upload.post(APP + "/operator/directory");
    }

    @Test
    void theOperatorLoadsSharedEntriesEveryClinicSeesAndEachBadRowSaysWhy() {
        String csv = """
                full_name,credentials,practice,specialty,address,city,postal_code,email,accepting_new_clients
                Shared Loaded One,LMT,Shared Load Massage,massage therapist,10 SW Load St,Beaverton,97005,one@shared-load.example,yes
                Shared Loaded Two,DPT,Shared Load PT,physical therapist,20 SE Load St,Portland,97214,,no
                ,PT,Shared Load Nameless,physical therapist,30 NE Load St,Portland,97211,,yes
                Shared Loaded Four,,Shared Load Mystic,astrologer,40 N Load St,Portland,97217,,yes
                Shared Loaded Five,MD,Shared Load Clinic,physician,50 SW Load St,Tigard,97223,not-an-email,yes
                Owen Hartwell,DC,Shared Load Copy,chiropractor,"1120 NW Kearney St, Suite 210",Portland,97209,,yes
                Shared Loaded One,LMT,Shared Load Massage Again,massage therapist,10 SW Load St,Beaverton,97005,,yes
                """;
        var operator = SignIn.as("directory-operator");
        assertEquals(APP + "/operator/directory", operator.request().get("/").then().statusCode(303).extract().header("Location"));
        String location = upload(operator, csv).then().statusCode(303).extract().header("Location");
        assertTrue(location.startsWith(APP + "/operator/directory/loads/"), location);

        Document load = page(operator, location.substring(APP.length()));
        assertEquals("2", load.select("[data-testid=imported]").text());
        assertEquals("5", load.select("[data-testid=refused]").text());
        List<String> errors = load.select("[data-testid=import-errors] li").eachText();
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Row 4:") && errors.get(0).contains("full_name is required"), errors.toString());
        assertTrue(errors.get(1).startsWith("Row 5:") && errors.get(1).contains("“astrologer” is not one of"), errors.toString());
        assertTrue(errors.get(2).startsWith("Row 6:") && errors.get(2).contains("not-an-email"), errors.toString());
        assertTrue(errors.get(3).startsWith("Row 7:") && errors.get(3).contains("already in the shared directory"), errors.toString());
        assertTrue(errors.get(4).startsWith("Row 8:") && errors.get(4).contains("already in the shared directory"), errors.toString());
        assertTrue(load.text().contains("Dana Reyes"), "who loaded it: " + load.text());

        assertEquals(2, TestData.count("select count(*) from provider where owner_clinic_id is null and practice like 'Shared Load%'"));
        for (String trainer : List.of("rose-trainer", "cedar-trainer")) {
            var session = SignIn.as(trainer);
            assertEquals(List.of("Shared Loaded One, LMT", "Shared Loaded Two, DPT"), names(session, "q=shared+load&sort=name"),
                    trainer + " sees the shared entries");
            assertTrue(page(session, "/directory?q=shared+load").select("[data-provider] .badge").eachText().stream()
                    .noneMatch(badge -> badge.equals("private") || badge.equals("not confirmed recently")));
        }
        assertTrue(page(operator, "/operator/directory").text().contains("shared.csv — 2 loaded, 5 refused, by Dana Reyes"));
    }

    @Test
    void aClinicAdminCannotLoadTheSharedDirectory() {
        var admin = SignIn.as("rose-admin");
        admin.open("/clinic"); // holds its CSRF cookie from here on
        admin.request().get("/operator/directory").then().statusCode(403);
        String token = admin.cookies().get("csrf-token");
        long before = TestData.count("select count(*) from provider");
        var upload = given().redirects().follow(false).cookies(admin.cookies()).multiPart("csrf-token", token)
                .multiPart("file", "shared.csv", ("full_name,specialty,address,city,postal_code\n"
                        + "Admin Sneaks In,physician,1 Sneak St,Portland,97205\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(403, upload.post(APP + "/operator/directory").statusCode());
        assertEquals(before, TestData.count("select count(*) from provider"));
        SignIn.as("rose-trainer").request().get("/operator/directory").then().statusCode(403);
        given().redirects().follow(false).get("/operator/directory").then().statusCode(302);
    }

    /** A shared listing of its own for each test, confirmed that long ago. */
    private static String listing(String name, String email, Duration confirmedAgo) {
        String id = UUID.randomUUID().toString();
        TestData.sql("""
                insert into provider (id, full_name, credentials, practice, specialty, address, city, postal_code, latitude,
                    longitude, email, accepting_new_clients, languages, hours, confirmed_at)
                values (?::uuid, ?, 'LMT', 'Upkeep Test Massage', 'MASSAGE_THERAPIST', '7 SW Upkeep St', 'Beaverton', '97005',
                    45.49, -122.80, ?, true, 'English', 'Mon–Fri 9:00–17:00', now() - make_interval(secs => ?))""",
                id, name, email, (double) confirmedAgo.toSeconds());
        return id;
    }

    @Test
    void aProviderUpdatesTheirListingSignedOutThroughTheLinkEmailedToTheListingsAddress() {
        String email = "upkeep-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
        String id = listing("Listing Keeper", email, Duration.ofDays(200));
        var trainer = SignIn.as("rose-trainer");
        Document before = page(trainer, "/directory/" + id);
        assertNotNull(before.selectFirst("[data-testid=not-confirmed]"), "200 days without confirmation");

        String path = "/directory/" + id;
        trainer.keepCookiesOf(trainer.submit(path, path + "/update-link", Map.of()).then().statusCode(303).extract().response());
        assertTrue(page(trainer, path).text().contains("on its way to the listing's address"));
        trainer.keepCookiesOf(trainer.submit(path, path + "/update-link", Map.of()).then().statusCode(303).extract().response());
        assertTrue(page(trainer, path).text().contains("less than an hour ago"), "one link an hour");
        String mail = MailServer.exactlyOne("To: " + email, Duration.ofSeconds(4));
        assertTrue(mail.contains("Subject: Update your listing in the Backline directory"), mail);
        assertEquals(1, MailServer.messages().stream().filter(message -> message.contains("/listing/" + id)).count(),
                "sent to the listing's own address only");
        String link = MailServer.link(mail, APP + "/listing/" + id);
        String linkPath = link.substring(APP.length());

        // Tampered: another expiry under the same signature opens nothing and saves nothing.
        String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
        String tampered = linkPath.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86400));
        given().redirects().follow(false).get(tampered).then().statusCode(404);

        var provider = new SignIn.Session("provider", new HashMap<>());
        Document form = page(provider, linkPath);
        assertEquals("English", form.selectFirst("#languages").val());
        assertNotNull(form.selectFirst("input[name=accepting][checked]"));
        String action = "/listing/" + id;
        Response refused = provider.submit(linkPath, action, Map.of("accepting", "true", "hours", "", "languages", " "));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Name at least one language"), refused.asString());

        Map<String, String> hidden = provider.hiddenFields(linkPath, action);
        hidden.put("signature", hidden.get("signature").substring(1) + "0");
        assertEquals(404, provider.resubmit(linkPath, action, Map.of("hours", "Never", "languages", "Klingon"), hidden)
                .statusCode(), "a tampered signature in the form");

        provider.keepCookiesOf(provider.submit(linkPath, action, Map.of("hours", "Tue-Thu 10:00-16:00",
                "languages", "English, Spanish")).then().statusCode(303).extract().response());
        assertTrue(page(provider, linkPath).text().contains("your listing is saved and confirmed"));

        Document after = page(trainer, "/directory/" + id);
        assertNull(after.selectFirst("[data-testid=not-confirmed]"), "confirmed just now");
        assertTrue(after.text().contains("New clients Not accepting"), after.text());
        assertTrue(after.text().contains("Tue-Thu 10:00-16:00") && after.text().contains("English, Spanish"));
        assertFalse(after.text().contains("Klingon"));
        String change = TestData.string("select changed_by || ' | ' || changes from listing_change where provider_id = ?::uuid", id);
        assertTrue(change.contains(email), change);
        assertTrue(change.contains("accepting new clients: yes → no"), change);
        assertTrue(change.contains("hours: “Mon–Fri 9:00–17:00” → “Tue-Thu 10:00-16:00”"), change);
        assertTrue(change.contains("languages: “English” → “English, Spanish”"), change);

        // Three days on, the link has expired.
        TestClock.set(Instant.now().plus(Duration.ofDays(4)));
        given().redirects().follow(false).get(linkPath).then().statusCode(410);
    }

    @Test
    void aListingUnconfirmedFor180DaysIsMarkedInResultsAndOnItsPage() {
        String id = listing("Quietly Ageing", null, Duration.ofDays(1));
        var trainer = SignIn.as("rose-trainer");
        Document fresh = page(trainer, "/directory?q=quietly+ageing");
        assertEquals(List.of("Quietly Ageing, LMT"), fresh.select("[data-provider] strong").eachText());
        assertNull(fresh.selectFirst("[data-provider] [data-testid=not-confirmed]"));
        assertNull(page(trainer, "/directory/" + id).selectFirst("[data-testid=not-confirmed]"));

        TestClock.set(Instant.now().plus(Duration.ofDays(180)));
        Document later = page(trainer, "/directory?q=quietly+ageing");
        assertEquals("not confirmed recently", later.selectFirst("[data-provider] [data-testid=not-confirmed]").text());
        assertTrue(page(trainer, "/directory/" + id).selectFirst("[data-testid=not-confirmed]").text()
                .startsWith("Not confirmed recently"));
    }
}
