package io.backline.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.StatementCount;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Looking providers up: filters, distance order, private entries kept inside their clinic, imports, cost. */
@QuarkusTest
class DirectoryTest {
    static final String ROSE_PRIVATE_MASSAGE = "47c8ae83-639e-57a2-abb8-40de2fab432c";
    static final String OWEN_TAKES_TRAINER_REFERRALS = "1306da7d-b169-5cca-8028-f5706105793b";

    private static Document search(SignIn.Session session, String query) {
        return Jsoup.parse(session.request().get("/directory?" + query).then().statusCode(200).extract().asString());
    }

    private static List<String> names(Document page) {
        return page.select("[data-testid=providers] li[data-provider] strong").eachText();
    }

    @Test
    void massageTherapistsNearABeavertonPostalCodeComeNearestFirst() {
        var trainer = SignIn.as("rose-trainer");
        Document page = search(trainer, "specialty=MASSAGE_THERAPIST&near=97005&radius=3&accepting=true");
        List<String> found = names(page);
        assertTrue(found.containsAll(List.of("Daniel Whitfield, LMT", "Camila Restrepo, LMT", "Fiona Gallagher, LMT")), found.toString());
        assertTrue(found.stream().noneMatch(name -> name.startsWith("Sergei Morozov")), "not accepting new clients: " + found);
        assertTrue(found.stream().noneMatch(name -> name.startsWith("Amara Diallo")), "3.7 miles away: " + found);
        List<Double> distances = page.select("[data-testid=distance]").eachText().stream()
                .map(text -> Double.parseDouble(text.replace(" mi", ""))).toList();
        assertEquals(found.size(), distances.size());
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i - 1) <= distances.get(i), "nearest first: " + distances);
        }
        assertTrue(distances.get(distances.size() - 1) <= 3.0);
        assertTrue(page.text().contains(found.size() + " providers within 3 miles of 97005 (Beaverton)"), page.text());

        List<String> byName = names(search(trainer, "specialty=MASSAGE_THERAPIST&near=97005&radius=3&accepting=true&sort=name"));
        assertEquals(found.stream().sorted().toList(), byName);
    }

    @Test
    void theRadiusIsInMilesAndDistancesReadInMiles() {
        var trainer = SignIn.as("rose-trainer");
        // Amara Diallo is 5.9 km (3.7 miles) from 97005's centre: outside 3 miles, inside 4 (and so outside 4 km).
        String amara = "q=stonecrop&near=97005";
        assertEquals(List.of(), names(search(trainer, amara + "&radius=3")));
        Document within4 = search(trainer, amara + "&radius=4");
        assertEquals(List.of("Amara Diallo, LMT"), names(within4));
        assertEquals("3.7 mi", within4.selectFirst("[data-testid=distance]").text());
        assertTrue(within4.text().contains("1 provider within 4 miles of 97005 (Beaverton)"), within4.text());
        assertEquals("4", within4.selectFirst("#radius").attr("value"));
        assertEquals("Within (miles)", within4.selectFirst("label[for=radius]").text());
        Document noRadius = search(trainer, amara);
        assertTrue(noRadius.text().contains("1 provider within 6 miles of 97005"), "six miles by default: " + noRadius.text());
    }

    @Test
    void freeTextFindsPartsOfWordsAndBadFiltersAreExplained() {
        var trainer = SignIn.as("rose-trainer");
        List<String> found = names(search(trainer, "q=MYOFASC"));
        assertTrue(found.size() >= 2, found.toString());
        Document page = search(trainer, "near=12345&specialty=WIZARD");
        assertTrue(page.text().contains("Postal code “12345” is not in the Portland–Beaverton area list"), page.text());
        assertTrue(page.text().contains("“WIZARD” is not a specialty"));
        assertEquals(0, page.select("[data-testid=distance]").size());
        SignIn.as("rose-client1").request().get("/directory").then().statusCode(403);
    }

    @Test
    void eachClinicHasItsOwnFavourites() {
        List<String> rose = names(search(SignIn.as("rose-trainer"), "favourites=true&sort=name"));
        assertEquals(List.of("Kai Nakoa, LMT", "Nadia Rahman, DPT"), rose);
        List<String> cedar = names(search(SignIn.as("cedar-trainer"), "favourites=true"));
        assertEquals(List.of("Camila Restrepo, LMT"), cedar);
    }

    @Test
    void aClinicsPrivateEntriesStayInsideIt() {
        var rose = SignIn.as("rose-trainer");
        assertTrue(names(search(rose, "q=private")).contains("Fiona Gallagher, LMT"));
        rose.request().get("/directory/" + ROSE_PRIVATE_MASSAGE).then().statusCode(200).body(containsString("private entry"));

        var cedar = SignIn.as("cedar-trainer");
        List<String> cedarFound = names(search(cedar, "q=private"));
        assertTrue(cedarFound.stream().noneMatch(name -> name.startsWith("Fiona")), cedarFound.toString());
        assertTrue(cedarFound.stream().anyMatch(name -> name.startsWith("Marcus Bell")), cedarFound.toString());
        cedar.request().get("/directory/" + ROSE_PRIVATE_MASSAGE).then().statusCode(404)
                .body(not(containsString("Fiona")));
        cedar.request().get("/referrals/new?provider=" + ROSE_PRIVATE_MASSAGE).then().statusCode(404);
    }

    @Test
    void aSearchForAClientsReferralKeepsTheClientInEveryLinkAndOffersOnlyProvidersWhoTakeTrainerReferrals() {
        var trainer = SignIn.as("rose-trainer");
        String client = Demo.clientId("rose-client1").toString();
        String flag = java.util.UUID.randomUUID().toString();
        String referring = "client=" + client + "&flag=" + flag;

        Document owen = search(trainer, "q=northlatch&" + referring);
        assertEquals("/directory/" + OWEN_TAKES_TRAINER_REFERRALS + "?" + referring,
                owen.selectFirst("[data-provider] a").attr("href"));
        assertEquals("/referrals/new?provider=" + OWEN_TAKES_TRAINER_REFERRALS + "&" + referring,
                owen.selectFirst("[data-provider] a.button").attr("href"));
        assertEquals("client", owen.selectFirst("form[data-testid=directory-search] input[type=hidden]").attr("name"));

        Document viktor = search(trainer, "q=quillfeather&" + referring);
        assertEquals(List.of("Viktor Sokolov, DC"), names(viktor));
        assertEquals(0, viktor.select("[data-provider] a.button").size(), "physician referrals only: no button");

        Document plain = search(trainer, "q=northlatch&specialty=CHIROPRACTOR");
        assertEquals("/directory/" + OWEN_TAKES_TRAINER_REFERRALS, plain.selectFirst("[data-provider] a").attr("href"));
        assertEquals(0, plain.select("[data-provider] a.button").size(), "no client, nothing to refer");
        assertEquals(List.of("CHIROPRACTOR"), plain.select("#specialty option[selected]").eachAttr("value"));
    }

    @Test
    void theSearchPageRunsTheSameStatementsForOneResultAsForAFullPage() {
        var trainer = SignIn.as("rose-trainer");
        long one = statementsFor(trainer, "q=quiet+alder&near=97005");
        long many = statementsFor(trainer, "near=97005&radius=30");
        assertEquals(one, many, "statements for 1 result vs a full page");
        // The flag badge comes with the sign-in's membership statement, which Hibernate does not count, and the
        // postal code's point from the second-level cache once a search has used it: the search and its providers.
        assertTrue(many <= 2, "2 statements besides the sign-in's, not " + many);
    }

    private static long statementsFor(SignIn.Session trainer, String query) {
        return StatementCount.fewestOfThree(() -> trainer.request().get("/directory?" + query).then().statusCode(200));
    }

    @Test
    void aCsvImportTakesTheGoodRowsAndListsTheBadOnesWithReasons() throws Exception {
        String csv = """
                full_name,credentials,practice,specialty,address,city,postal_code,phone,email,accepting_new_clients
                Imported One,LMT,Import Test Massage,massage therapist,1 SW Test St,Beaverton,97005,503-555-0190,one@import-test.example,yes
                Imported Two,DC,Import Test Chiro,Chiropractor,2 SE Test St,Portland,97214,,,no
                ,PT,Nameless,physical therapist,3 NE Test St,Portland,97211,,,yes
                Imported Four,,Import Test Mystic,astrologer,4 N Test St,Portland,97217,,,yes
                Imported Five,MD,Import Test Clinic,physician,5 SW Test St,Tigard,97223,,not-an-email,yes
                Imported Six,PT,Import Test PT,PHYSICAL_THERAPIST,6 SW Test St,Portland,97201,,,yes
                """;
        var admin = SignIn.as("rose-admin");
        Map<String, String> hidden = admin.hiddenFields("/directory/imports", "/directory/imports");
        var upload = given().redirects().follow(false).cookies(admin.cookies())
                .multiPart("file", "providers.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        hidden.forEach(upload::multiPart);
        String location = upload.post("http://localhost:8081/directory/imports").then().statusCode(303).extract().header("Location");
        String progress = location.substring(location.indexOf("/directory/imports/"));

        Document page = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> Jsoup.parse(admin.request().get(progress).then().statusCode(200).extract().asString()),
                loaded -> loaded.select("[data-testid=import-status]").text().equals("Finished."));
        assertEquals("Finished.", page.select("[data-testid=import-status]").text());
        assertEquals("3", page.select("[data-testid=imported]").text());
        List<String> errors = page.select("[data-testid=import-errors] li").eachText();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Row 4:") && errors.get(0).contains("full_name is required"), errors.toString());
        assertTrue(errors.get(1).contains("“astrologer” is not one of"), errors.toString());
        assertTrue(errors.get(2).contains("not-an-email"), errors.toString());
        assertEquals(3, TestData.count("select count(*) from provider where owner_clinic_id = 'rose-city' and practice like 'Import Test%'"));
        assertEquals(0, TestData.count("select count(*) from provider where full_name = 'Imported Four'"));
        assertTrue(names(search(SignIn.as("rose-trainer"), "q=import+test")).size() == 3);
        assertTrue(names(search(SignIn.as("cedar-trainer"), "q=import+test")).isEmpty());

        SignIn.as("rose-trainer").request().get("/directory/imports").then().statusCode(403);
    }
}
