package io.backline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import io.backline.security.RouteFixtures.Kind;
import io.backline.security.RouteMatrixTest.Audience;
import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every staff page, taken from the route matrix so that a new one is visited too, fits a phone (375 px) and a desktop
 * (1280 px) without sideways scrolling and without serious accessibility faults, for the demo trainer and the clinic
 * admin; and a trainer can do the day's work with the keyboard alone. Screenshots of the main pages land in
 * target/screenshots.
 */
@QuarkusTest
class StaffPagesOnAPhoneInChromiumTest {
    private static final List<Integer> WIDTHS = List.of(375, 1280);
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    /** GET routes that answer with something other than a page. */
    private static final Set<String> NOT_PAGES = Set.of("GET /flags/count", "GET /messages/count",
            "GET /clients/{id}/records/export");
    private static final Map<String, String> SCREENSHOTS = Map.of("GET /dashboard", "dashboard", "GET /clients",
            "clients", "GET /clients/{id}", "client", "GET /flags", "flags", "GET /referrals", "referrals",
            "GET /directory", "providers", "GET /audit", "audit", "GET /staff", "staff", "GET /invitations",
            "invitations");

    private static Map<Kind, String> records;
    private static Browser trainer;
    private static Browser admin;

    @BeforeAll
    static void signIn() {
        records = RouteFixtures.makeFor("rose-city", "rose-trainer");
        trainer = signedIn("rose-trainer");
        admin = signedIn("rose-admin");
    }

    @AfterAll
    static void closeBrowsers() {
        trainer.close();
        admin.close();
    }

    @Test
    void everyTrainerPageFitsAPhoneAndADesktop() {
        assertEquals(List.of(), crawl(trainer, "trainer", Set.of(Audience.TRAINER, Audience.STAFF)));
    }

    @Test
    void everyAdminPageFitsAPhoneAndADesktop() {
        assertEquals(List.of(), crawl(admin, "admin", Set.of(Audience.ADMIN, Audience.STAFF)));
    }

    @Test
    void aTrainerAssignsActsOnAFlagAndRefersWithTheKeyboardAlone() {
        String name = "Quinn Keys " + UUID.randomUUID().toString().substring(0, 6);
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", name);
        String flag = UUID.randomUUID().toString();
        String staff = Demo.staffId("rose-trainer").toString();
        // "Tight" makes the suggestion a massage therapist: CHIROPRACTOR_OR_PHYSICAL_THERAPIST overflows its column.
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    description, status, reported_by, reported_by_staff, request_key, source)
                values (?::uuid, 'rose-city', ?::uuid, 'INCREASED_PAIN', 5, 'MIDDLE_THORACIC', 'AFTER', 'AMBER',
                    'Keyboard journey', 'Tight between the shoulder blades', 'OPEN', ?::uuid, true, gen_random_uuid(),
                    'STAFF')""",
                flag, client.toString(), staff);
        try {
            keyboardJourney(trainer, name, client, flag);
        } finally {
            // Resolved, the fixture flag stays out of every other test's queue and badge.
            TestData.sql("update symptom_flag set status = 'RESOLVED', resolved_at = now(), resolved_by = ?::uuid where id = ?::uuid",
                    staff, flag);
        }
    }

    private static void keyboardJourney(Browser browser, String name, UUID client, String flag) {
        browser.viewport(375, 812);
        browser.open("/dashboard");

        // The menu is folded on a phone; its button opens it.
        Keyboard keys = new Keyboard(browser);
        keys.tabTo("[data-menu-toggle]");
        assertEquals("false", browser.find("[data-menu-toggle]").getAttribute("aria-expanded"));
        assertFalse(browser.driver().findElement(By.cssSelector(".main-nav")).isDisplayed(), "the menu starts folded");
        keys.press(Keys.SPACE);
        assertEquals("true", browser.find("[data-menu-toggle]").getAttribute("aria-expanded"));
        browser.fullPageScreenshot("trainer-menu-open-375");
        keys.tabTo(".main-nav a[href='/clients']");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/clients");

        keys.tabTo("#q");
        keys.type(name);
        keys.press(Keys.ENTER);
        browser.waitForUrl("q=");
        keys.tabTo("a[href='/clients/" + client + "']");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/clients/" + client);

        keys.tabTo("[data-testid=assign-form] button[type=submit]");
        keys.press(Keys.ENTER);
        awaitText(browser, "Assigned");
        assertEquals(1, TestData.count("select count(*) from assignment where client_id = ?::uuid", client.toString()));

        keys.tabTo("[data-menu-toggle]");
        keys.press(Keys.ENTER);
        keys.tabTo(".main-nav a[href='/flags']");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/flags");
        browser.fullPageScreenshot("trainer-flags-open-375");
        keys.tabTo("a[href='/flags/" + flag + "']");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/flags/" + flag);
        keys.tabTo("#ack-note");
        keys.type("Called; resting two days");
        keys.tabTo("form[action$='/acknowledge'] button");
        keys.press(Keys.SPACE);
        awaitText(browser, "Acknowledged.");
        assertEquals("ACKNOWLEDGED", TestData.string("select status from symptom_flag where id = ?::uuid", flag));

        keys.tabTo("form[action$='/refer'] button");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/flags/drafts/");
        keys.tabTo("[data-testid=find-provider]");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/directory");
        String provider = (String) browser.driver().executeScript("""
                const ids = arguments[0];
                const row = [...document.querySelectorAll('li[data-provider]')].find(li => ids.includes(li.dataset.provider));
                return row ? row.dataset.provider : null;""", referableProviders());
        assertTrue(provider != null, "the directory lists a provider who takes referrals from trainers");
        keys.tabTo("li[data-provider='" + provider + "'] a");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/directory/" + provider);
        keys.tabTo("a.button[href^='/referrals/new']");
        keys.press(Keys.ENTER);
        browser.waitForUrl("/referrals/new");
        keys.tabTo("#reason");
        keys.type("Upper back pain after sessions; amber flag acknowledged");
        keys.tabTo("[data-testid=referral-form] button[type=submit]");
        keys.press(Keys.ENTER);
        browser.find("[data-testid=consent]");
        assertTrue(browser.text().contains("No consent yet"), browser.text());
        assertEquals(1, TestData.count("select count(*) from referral where client_id = ?::uuid", client.toString()));
        browser.fullPageScreenshot("keyboard-referral-375");

        assertEquals(List.of(), browser.accessibilityProblems());
    }

    private static Browser signedIn(String username) {
        Browser browser = new Browser();
        browser.open("/");
        browser.signIn(username, Demo.PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getCurrentUrl().startsWith(Browser.APP));
        return browser;
    }

    /** Each GET page for these audiences at each width: the overflow and axe-core problems found, empty when none. */
    private static List<String> crawl(Browser browser, String role, Set<Audience> audiences) {
        List<String> problems = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.viewport(width, width < 600 ? 812 : 900);
            RouteMatrixTest.MATRIX.entrySet().stream()
                    .filter(route -> route.getKey().startsWith("GET ") && !NOT_PAGES.contains(route.getKey()))
                    .filter(route -> audiences.contains(route.getValue().audience())
                            || route.getValue().audience() == Audience.SIGNED_IN
                            || route.getValue().audience() == Audience.ANYONE)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .forEach(route -> {
                        String path = path(route);
                        browser.driver().get(Browser.APP + path);
                        if (!"text/html".equals(browser.driver().executeScript("return document.contentType"))) {
                            return;
                        }
                        browser.checkAccessibility();
                        String overflow = browser.horizontalOverflow();
                        if (overflow != null) {
                            problems.add(role + " at " + width + " px, " + path + ": " + overflow);
                        }
                        if (SCREENSHOTS.containsKey(route)) {
                            browser.fullPageScreenshot(role + "-" + SCREENSHOTS.get(route) + "-" + width);
                        }
                    });
        }
        problems.addAll(browser.accessibilityProblems());
        return problems;
    }

    /** The route's path with each parameter replaced by the Rose City fixture of that kind. */
    private static String path(String route) {
        RouteMatrixTest.Route kinds = RouteMatrixTest.MATRIX.get(route);
        Matcher parameter = PARAMETER.matcher(route.substring(4));
        StringBuilder path = new StringBuilder();
        int index = 0;
        while (parameter.find()) {
            parameter.appendReplacement(path, records.get(kinds.kinds()[index++]));
        }
        parameter.appendTail(path);
        return path + (route.equals("GET /referrals/new")
                ? "?provider=" + records.get(Kind.PROVIDER) + "&client=" + records.get(Kind.CLIENT) : "");
    }

    private static List<String> referableProviders() {
        return List.of(TestData.string("""
                select string_agg(id::text, ',') from provider
                where accepts_trainer_referrals and (owner_clinic_id is null or owner_clinic_id = 'rose-city')"""
        ).split(","));
    }

    private static void awaitText(Browser browser, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> browser.text().contains(text));
    }

    /** Tab, Enter, Space and typing into the focused field: no clicks. */
    private record Keyboard(Browser browser) {
        void tabTo(String css) {
            for (int presses = 0; presses < 300; presses++) {
                press(Keys.TAB);
                if ((Boolean) browser.driver().executeScript("return document.activeElement.matches(arguments[0])", css)) {
                    return;
                }
            }
            fail("Tab never reached " + css + " on " + browser.driver().getCurrentUrl());
        }

        void press(Keys key) {
            new Actions(browser.driver()).sendKeys(key).perform();
        }

        void type(String text) {
            new Actions(browser.driver()).sendKeys(text).perform();
        }
    }
}
