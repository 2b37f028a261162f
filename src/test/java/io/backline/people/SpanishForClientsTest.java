package io.backline.people;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backline.support.Browser;
import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestClock;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A client reads Backline in Spanish when they chose it in Keycloak, or when their browser asks for it, or after the
 * footer's switch; the safety rule, the program and the report form's answers included; emails follow. Staff pages
 * stay in English, and show the client's own words as written.
 */
@QuarkusTest
class SpanishForClientsTest {
    private static final String CLINIC = "rose-city";
    private static final String STOP_RULE_ES = "Deténgase de inmediato si esto aumenta su dolor o cualquier otro síntoma";

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aBrowserAskingForSpanishGetsTodayTheReportFormProgressAndReferralsInSpanish() {
        String username = clientWithAccount(null);
        SignIn.Session me = SignIn.as(username);

        Document today = spanish(me, "/today");
        assertEquals("es", today.selectFirst("html").attr("lang"));
        String text = today.text();
        assertTrue(text.contains("Deténgase si le duele más"), text);
        assertTrue(text.contains(STOP_RULE_ES), "the program's stop rule, in Spanish: " + text);
        assertTrue(text.contains("Empiece sentado en el suelo con el rodillo justo detrás de usted."), "the steps");
        assertTrue(text.contains("Dorsal alta"), "the level names");
        assertTrue(text.contains("Marcar como hecha") && text.contains("Algo empeoró, o me sentí inseguro"), text);
        assertTrue(text.contains("Este programa no es un consejo médico."), text);
        assertTrue(text.contains("5 dic 2027"), "the prescription's end date as Spanish writes it: " + text);
        assertFalse(text.contains("Stop if it hurts more") || text.contains("Check off a session"), text);
        assertTrue(today.selectFirst("input[type=date]#performedOn").attr("max").matches("\\d{4}-\\d{2}-\\d{2}"),
                "a date input keeps ISO");

        String report = spanish(me, "/today/flags/new").text();
        assertTrue(report.contains("Informar de un síntoma") && report.contains("Llame al 911"), report);
        assertTrue(report.contains("Más dolor") && report.contains("Parte baja de la espalda")
                && report.contains("Al día siguiente o después")
                && report.contains("Dolor o presión en el pecho, o dificultad para respirar"), "the answers: " + report);

        // A refused report answers in Spanish too (the first visit keeps the CSRF cookie its token pairs with).
        me.open("/today/flags/new");
        Document form = spanish(me, "/today/flags/new");
        var fields = new java.util.HashMap<String, String>();
        form.select("form[action=/today/flags] input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        String refused = shown(me.request().header("Accept-Language", "es").contentType("application/x-www-form-urlencoded")
                .formParams(fields).post("/today/flags").then().statusCode(400).extract().asString());
        assertTrue(refused.contains("Elija qué pasó.") && refused.contains("Elija dónde lo siente."), refused);

        String progress = spanish(me, "/today/progress").text();
        assertTrue(progress.contains("Mi progreso") && progress.contains("Mis sesiones"), progress);
        assertTrue(progress.contains("Movilidad de la columna dorsal"), "the program's title: " + progress);

        String referrals = spanish(me, "/today/referrals").text();
        assertTrue(referrals.contains("Mis derivaciones")
                && referrals.contains("No se comparte nada sobre usted con esa persona hasta que usted diga que sí."), referrals);
        assertEquals("es", TestData.string("select language from client where user_id = ?::uuid",
                KeycloakAdmin.userIdByEmail(username + "@spanish.example")), "kept for the emails");
    }

    @Test
    void theLanguageChosenInKeycloakWinsOverTheBrowser() {
        String username = clientWithAccount("es");
        SignIn.Session me = SignIn.as(username);
        String page = shown(me.request().header("Accept-Language", "en-US,en;q=0.9").get("/today").then().statusCode(200)
                .extract().asString());
        assertTrue(page.contains("Deténgase si le duele más"), "the locale claim says Spanish");
        assertFalse(page.contains("Stop if it hurts more"));
    }

    @Test
    void theFooterSwitchChangesTheLanguageAndKeepsIt() {
        String username = clientWithAccount(null);
        SignIn.Session me = SignIn.as(username);
        assertTrue(shown(me.open("/today").asString()).contains("Stop if it hurts more"), "English first");

        Response switched = me.submit("/today", "/language", Map.of("language", "es"));
        assertEquals(303, switched.statusCode());
        me.keepCookiesOf(switched);
        assertTrue(shown(me.open("/today").asString()).contains("Deténgase si le duele más"), "Spanish after the switch");
        assertTrue(shown(me.open("/today/progress").asString()).contains("Mi progreso"), "and it stays Spanish");
        // The switch is the person's own choice: it wins over what the browser asks for.
        assertTrue(shown(me.request().header("Accept-Language", "en").get("/today").asString()).contains("Deténgase"));

        me.keepCookiesOf(me.submit("/today", "/language", Map.of("language", "en")));
        assertTrue(shown(me.open("/today").asString()).contains("Stop if it hurts more"), "back to English");
    }

    @Test
    void staffReadTheClientsOwnWordsAndTheAnswersInEnglish() {
        String username = clientWithAccount(null);
        SignIn.Session me = SignIn.as(username);
        spanish(me, "/today/flags/new");
        // Plain ASCII: the test's form helper encodes as Latin-1, where a browser sends UTF-8.
        me.submit("/today/flags/new", "/today/flags", Map.of("type", "INCREASED_PAIN", "severity", "2",
                "region", "MIDDLE_THORACIC", "when", "DURING", "description", "Me duele un poco al bajar la espalda"))
                .then().statusCode(303);
        String flag = TestData.string("""
                select f.id::text from symptom_flag f join client c on c.id = f.client_id
                where c.user_id = ?::uuid order by f.reported_at desc limit 1""",
                KeycloakAdmin.userIdByEmail(username + "@spanish.example"));
        String mine = spanish(me, "/today/flags/" + flag).text();
        assertTrue(mine.contains("Más dolor, 2/10") && mine.contains("Deténgase por hoy"), mine);

        String staff = shown(SignIn.as("rose-trainer").request().header("Accept-Language", "es").get("/flags/" + flag)
                .then().statusCode(200).extract().asString());
        assertTrue(staff.contains("Increased pain"), "the answer in English for staff");
        assertTrue(staff.contains("Me duele un poco al bajar la espalda"), "the client's words as written");
        assertFalse(staff.contains("Más dolor"));
    }

    @Test
    void aSpanishSpeakingClientsMessageEmailAndReminderAreInSpanish() {
        String email = "es-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        UUID client = TestData.clientOnCareTeam(CLINIC, "rose-trainer", "Lucía Mensajes");
        TestData.sql("update client set user_id = gen_random_uuid(), email = ?, language = 'es' where id = ?::uuid",
                email, client.toString());
        String page = "/clients/" + client + "/messages";
        SignIn.as("rose-trainer").submit(page, page, Map.of("body", "Hola")).then().statusCode(303);
        String mail = MailServer.exactlyOne("To: " + email, Duration.ofSeconds(5));
        assertTrue(mail.contains("Tiene un mensaje nuevo de " + Demo.ROSE), mail);
        assertFalse(mail.contains("You have a new message"), mail);

        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        LocalDate today = LocalDate.now(zone);
        TestClock.set(today.atTime(LocalTime.of(5, 0, 30)).atZone(zone).toInstant());
        UUID behind = TestData.clientOnCareTeam(CLINIC, "rose-trainer", "Behind In Spanish");
        TestData.sql("update client set language = 'es' where id = ?::uuid", behind.toString());
        TestData.assignBuiltInProgram(CLINIC, behind, "rose-trainer",
                today.minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 3);
        TestData.sql("insert into reminder_settings (client_id, clinic_id, days, remind_at) values (?::uuid, ?, '', '05:00'::time)",
                behind.toString(), CLINIC);
        List<String> nudge = MailServer.awaitMessagesContaining("To: " + behind, 1, Duration.ofSeconds(30),
                "Una semana nueva con " + Demo.ROSE);
        assertEquals(1, nudge.size(), "the weekly nudge, in Spanish");
    }

    @Test
    void aSpanishClientsRefusalsChartsErrorPagesAndWhoLookedAreInSpanish() {
        String username = clientWithAccount(null);
        SignIn.Session me = SignIn.as(username);
        me.keepCookiesOf(me.submit("/today", "/language", Map.of("language", "es")));

        for (String body : List.of("", "x".repeat(5000))) {
            String refused = shown(me.submit("/today/messages", "/today/messages", Map.of("body", body)).then().statusCode(400)
                    .extract().asString());
            assertTrue(refused.contains("Escriba un mensaje de 1 a 2000 caracteres."), refused);
            assertFalse(refused.contains("Write a message"), refused);
        }

        String reminders = Jsoup.parse(me.submit("/today/reminders", "/today/reminders", Map.of("days",
                List.of("MONDAY", "Funday"), "time", "25:61", "emailOn", "on")).then().statusCode(400).extract().asString())
                .text();
        assertTrue(reminders.contains("«Funday» no es un día de la semana"), reminders);
        assertTrue(reminders.contains("Escriba una hora del día entre 00:00 y 23:59"), reminders);
        assertFalse(reminders.contains("Enter a time of day"), reminders);

        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        LocalDate today = LocalDate.now(zone);
        me.submit("/today", "/today/sessions", checkOff(today.plusDays(1))).then().statusCode(409)
                .body(org.hamcrest.Matchers.containsString("Esa fecha es futura."));
        me.submit("/today", "/today/sessions", checkOff(today.minusDays(1))).then().statusCode(303);

        String progress = shown(me.open("/today/progress").then().statusCode(200).extract().asString());
        assertTrue(progress.contains("Tiempo mantenido por nivel") && progress.contains("Molestia durante las sesiones")
                && progress.contains("Deténgase y consulte 7–10") && progress.contains("última molestia 3 de 10"), progress);
        assertFalse(progress.contains("Hold time per level") || progress.contains("latest discomfort"), progress);

        me.open("/today/messages").then().statusCode(200);
        String looked = Jsoup.parse(me.open("/today/access").asString()).select("[data-testid=my-access-log]").text();
        assertTrue(looked.contains("Usted: consultó los mensajes") && looked.contains("Usted: marcó una sesión como hecha"),
                looked);
        assertFalse(looked.contains("viewed messages") || looked.contains("The client"), looked);

        String missing = shown(me.open("/today/flags/" + UUID.randomUUID()).then().statusCode(404).extract().asString());
        assertTrue(missing.contains("Página no encontrada"), missing);
    }

    private static Map<String, Object> checkOff(LocalDate day) {
        return Map.of("performedOn", day.toString(), "hold", List.of("60", "45", "30"), "discomfort", "3",
                "feeling", "GOOD");
    }

    @Test
    void todayAndTheReportFormInSpanishAtPhoneWidthInChromium() {
        String username = clientWithAccount(null);
        try (Browser browser = new Browser(375, 1800)) {
            browser.open("/today");
            browser.signIn(username, Demo.PASSWORD);
            browser.find("[data-testid=language-switch] button[value=es]").click();
            browser.find("[data-testid=safety-rule]");
            assertTrue(browser.text().contains("Deténgase si le duele más"), browser.text());
            assertEquals("Empezar", browser.find("[data-testid=timer-start]").getText(), "the hold timer speaks Spanish");
            assertEquals(Boolean.FALSE, browser.driver().executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth"), "no overflow");
            browser.screenshot("spanish-today-375");
            browser.open("/today/flags/new");
            assertTrue(browser.text().contains("¿Qué pasó?"), browser.text());
            assertEquals(Boolean.FALSE, browser.driver().executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth"), "no overflow");
            browser.screenshot("spanish-report-375");
            assertEquals(List.of(), browser.accessibilityProblems());
        }
    }

    /** A page with the browser asking for Spanish. */
    private static Document spanish(SignIn.Session session, String path) {
        Response page = session.request().header("Accept-Language", "es-US,es;q=0.9,en;q=0.5").get(path);
        page.then().statusCode(200);
        return Jsoup.parse(page.asString());
    }

    /**
     * A new client of Rose City with a Keycloak account (and the locale chosen there, if any), screened, with the
     * built-in program running until Dec 5, 2027; returns the username.
     */
    private static String clientWithAccount(String keycloakLocale) {
        String username = "es-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakAdmin.createUser(username, username + "@spanish.example", List.of("client"), List.of(CLINIC));
        if (keycloakLocale != null) {
            String admin = KeycloakAdmin.token();
            String users = KeycloakAdmin.KEYCLOAK + "/admin/realms/backline/users/" + userId;
            Map<String, Object> user = new java.util.HashMap<>(given().auth().oauth2(admin).get(users).then().statusCode(200)
                    .extract().<Map<String, Object>> path(""));
            user.put("attributes", Map.of("locale", List.of(keycloakLocale)));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).put(users).then().statusCode(204);
        }
        UUID client = TestData.clientOnCareTeam(CLINIC, "rose-trainer", "Cliente " + username);
        TestData.sql("update client set user_id = ?::uuid, email = ?, screened_at = now() where id = ?::uuid", userId,
                username + "@spanish.example", client.toString());
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = ?", CLINIC));
        UUID assignment = TestData.assignBuiltInProgram(CLINIC, client, "rose-trainer", LocalDate.now(zone).minusDays(3), 3);
        TestData.sql("update prescription set end_date = '2027-12-05' where assignment_id = ?::uuid", assignment.toString());
        return username;
    }

    /** The page's source with its character references read, as a browser reads them (web/i18n/MessageResults). */
    private static String shown(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html, false);
    }
}
