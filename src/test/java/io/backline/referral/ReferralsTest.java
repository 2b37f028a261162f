package io.backline.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Consent before anything leaves, a provider link that only works while it should, and a loop that closes. */
@QuarkusTest
class ReferralsTest {
    static final String QUIET_ALDER = "28125ae7-65b8-5a2f-a4d8-38abe064bba1";
    static final String QUIET_ALDER_EMAIL = "daniel@quiet-alder-massage.example";
    static final String TRELLISBROOK_PT = "404d3241-c704-51d2-bff5-21ef0e5ba539";

    @Inject
    ReferralLinks links;

    /** A drafted referral of a new Rose City client to the Quiet Alder massage therapist. */
    static String draft(SignIn.Session trainer, String clientName) {
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", clientName);
        String page = "/referrals/new?provider=" + QUIET_ALDER + "&client=" + client;
        Map<String, Object> fields = new HashMap<>();
        fields.put("reason", "Tight rhomboids limit the extension at level two");
        fields.put("urgency", "SOON");
        fields.put("message", "");
        fields.put("shareProgram", "on");
        String location = trainer.submit(page, "/referrals", fields).then().statusCode(303).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void recordConsent(SignIn.Session trainer, String id) {
        String page = "/referrals/" + id;
        trainer.submit(page, page + "/consent", Map.of("method", "In person (spoken)",
                "givenOn", java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")).toString())).then().statusCode(303);
    }

    static String send(SignIn.Session trainer, String id) {
        String page = "/referrals/" + id;
        trainer.submit(page, page + "/send", Map.of()).then().statusCode(303);
        return TestData.string("select status from referral where id = ?::uuid", id);
    }

    static String providerLink(String id) {
        String mail = MailServer.awaitMessagesContaining(id, 1, Duration.ofSeconds(20)).get(0);
        assertTrue(mail.contains("To: " + QUIET_ALDER_EMAIL), mail);
        assertTrue(!mail.contains("rhomboids"), "no health details in the email");
        return MailServer.link(mail, "http://localhost:8081/provider/referrals/" + id);
    }

    @Test
    void withoutConsentNothingIsSent() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "No Consent Yet");
        assertEquals("DRAFT", send(trainer, id));
        assertEquals(0, TestData.count("select count(*) from referral_mail where referral_id = ?::uuid", id), "nothing queued");
        assertEquals(0, MailServer.messages().stream().filter(m -> m.contains(id)).count());
        trainer.request().get("/referrals/" + id).then().body(containsString("No consent yet"));
    }

    @Test
    void theProviderOpensTheLinkWithoutAnAccountAndTheLoopCloses() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Loop Closer");
        recordConsent(trainer, id);
        assertEquals("SENT", send(trainer, id));
        String link = providerLink(id);

        var provider = new ProviderBrowser();
        String path = provider.open(link);
        provider.get(path).then().statusCode(200).body(containsString("Loop Closer"), containsString("Tight rhomboids"));
        assertEquals(1, TestData.count("select count(*) from audit_trail where action = 'provider opened referral' and detail = ?", id));

        provider.submit(path, "/provider/referrals/" + id + "/acknowledge", Map.of()).then().statusCode(303);
        provider.submit(path, "/provider/referrals/" + id + "/reply", Map.of("findings", "Guarded thoracic extension",
                "recommendations", "Keep holds at 60 s for two more weeks")).then().statusCode(303);

        trainer.request().get("/referrals/" + id).then().statusCode(200)
                .body(containsString("Guarded thoracic extension"), containsString("Keep holds at 60 s"),
                        containsString("acknowledged</strong> &middot; Daniel Whitfield"));
        assertEquals("ACKNOWLEDGED", TestData.string("select status from referral where id = ?::uuid", id));
    }

    @Test
    void aPhysicalTherapistsClearedToResumeIsRecordedAndTheProgramMayResume() {
        var trainer = SignIn.as("rose-trainer");
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Cleared By Therapist");
        String clientPage = "/clients/" + client;
        trainer.submit(clientPage, clientPage + "/assignments", Map.of("holdSeconds", "60", "levels", "3",
                "sessionsPerWeek", "3", "startDate", java.time.LocalDate.now().minusDays(3).toString(), "endDate", "",
                "notes", "")).then().statusCode(303);
        String flagPage = "/flags/record/" + client;
        trainer.submit(flagPage, flagPage, Map.of("type", "DIZZINESS", "severity", "3", "region", "UPPER_THORACIC",
                "when", "DURING", "description", "")).then().statusCode(303);
        String assignment = TestData.string("select id::text from assignment where client_id = ?::uuid and status = 'PAUSED'",
                client.toString());

        String page = "/referrals/new?provider=" + TRELLISBROOK_PT + "&client=" + client;
        Map<String, Object> fields = new HashMap<>();
        fields.put("reason", "Dizzy during extension; please assess before we go on");
        fields.put("urgency", "URGENT");
        fields.put("message", "");
        String location = trainer.submit(page, "/referrals", fields).then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        recordConsent(trainer, id);
        assertEquals("SENT", send(trainer, id));
        String mail = MailServer.awaitMessagesContaining(id, 1, Duration.ofSeconds(20)).get(0);
        String link = MailServer.link(mail, "http://localhost:8081/provider/referrals/" + id);
        var provider = new ProviderBrowser();
        String path = provider.open(link);
        provider.get(path).then().statusCode(200).body(containsString("May the client go back to the exercise program?"));
        provider.submit(path, "/provider/referrals/" + id + "/reply", Map.of("resumeAnswer", "FORGED")).then()
                .statusCode(400).body(containsString("Choose one of the answers listed"));
        assertEquals(0, TestData.count("select count(*) from clearance where client_id = ?::uuid", client.toString()));
        provider.submit(path, "/provider/referrals/" + id + "/reply", Map.of("findings", "Benign positional vertigo ruled out",
                "recommendations", "Keep holds under 90 s for two weeks", "resumeAnswer", "CLEARED_WITH_LIMITS"))
                .then().statusCode(303);

        assertEquals("PHYSICAL_THERAPIST", TestData.string("select professional_role from clearance where referral_id = ?::uuid", id));
        trainer.request().get("/referrals/" + id).then().body(containsString("Cleared to resume, with limits"));
        trainer.request().get(clientPage + "/safety").then().body(containsString("Nadia Rahman"),
                containsString("Keep holds under 90 s"));
        trainer.submit(clientPage, clientPage + "/assignments/" + assignment + "/resume", Map.of("reason", "")).then()
                .statusCode(303);
        assertEquals("ACTIVE", TestData.string("select status from assignment where id = ?::uuid", assignment));
    }

    @Test
    void aMassageTherapistIsNotAskedForClearanceAndCannotGiveIt() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Massage Only");
        recordConsent(trainer, id);
        send(trainer, id);
        String link = providerLink(id);
        var provider = new ProviderBrowser();
        String path = provider.open(link);
        provider.get(path).then().statusCode(200).body(not(containsString("May the client go back")));
        provider.submit(path, "/provider/referrals/" + id + "/reply",
                Map.of("resumeAnswer", "CLEARED")).then().statusCode(400)
                .body(containsString("physician, physical therapist or chiropractor"));
        assertEquals(0, TestData.count("select count(*) from clearance where referral_id = ?::uuid", id));
    }

    @Test
    void aTamperedExpiredOrRevokedLinkOrWithdrawnConsentShowsNothing() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Guarded Person");
        recordConsent(trainer, id);
        send(trainer, id);
        String link = providerLink(id);
        opens(link);

        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0");
        given().get(tampered).then().statusCode(404).body(containsString("This link is not valid"), not(containsString("Guarded Person")));
        given().get(link.replace(id, UUID.randomUUID().toString())).then().statusCode(404);

        // Expired: the same referral, signed for an expiry that has passed (one instant for the row and the signature).
        Instant passed = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        TestData.sql("update referral set link_expires_at = ? where id = ?::uuid", Timestamp.from(passed), id);
        Referral expired = new Referral();
        expired.id = UUID.fromString(id);
        expired.linkNonce = TestData.string("select link_nonce from referral where id = ?::uuid", id);
        expired.linkExpiresAt = passed;
        given().get(links.link(expired)).then().statusCode(410).body(containsString("expired"), not(containsString("Guarded Person")));
        Instant tomorrow = Instant.now().plusSeconds(86400).truncatedTo(ChronoUnit.SECONDS);
        TestData.sql("update referral set link_expires_at = ? where id = ?::uuid", Timestamp.from(tomorrow), id);
        expired.linkExpiresAt = tomorrow;
        String renewed = links.link(expired);
        opens(renewed);

        String page = "/referrals/" + id;
        trainer.submit(page, page + "/consent/revoke", Map.of()).then().statusCode(303);
        given().get(renewed).then().statusCode(410).body(containsString("withdrew their consent"), not(containsString("Guarded Person")));
        recordConsent(trainer, id);
        opens(renewed);

        trainer.submit(page, page + "/revoke-link", Map.of()).then().statusCode(303);
        given().get(renewed).then().statusCode(410).body(containsString("withdrew this link"), not(containsString("Guarded Person")));
    }

    /** The link is good: it answers with the pass and the page's plain address, not the page itself. */
    private static void opens(String link) {
        given().redirects().follow(false).get(link).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.allOf(containsString("/provider/referrals/"), not(containsString("?"))));
    }

    @Test
    void aLinkEmailedWithTheFormerParameterNamesStillOpensAndActs() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Former Link Holder");
        recordConsent(trainer, id);
        send(trainer, id);
        String link = providerLink(id);
        assertTrue(link.contains("?expires=") && link.contains("&key=") && link.contains("&signature="), link);

        // Links sent before keys had ids name none and were signed with the default key (BACKLINE_LINK_SECRET); those
        // sent before the parameters were named carry the expiry as e and the signature as s.
        String keyless = links.link(ProviderBrowser.stored(id), LinkKeys.DEFAULT_ID).replace("&key=default", "");
        String former = keyless.replace("?expires=", "?e=").replace("&signature=", "&s=");
        opens(keyless);
        given().redirects().follow(false).get(former.substring(0, former.length() - 1) + (former.endsWith("0") ? "1" : "0"))
                .then().statusCode(404);
        var provider = new ProviderBrowser();
        String path = provider.open(former);
        provider.get(path).then().statusCode(200).body(containsString("Former Link Holder"));

        // From there the page and its forms work from the pass, whichever link set it.
        provider.submit(path, "/provider/referrals/" + id + "/acknowledge", Map.of()).then().statusCode(303);
        assertEquals("ACKNOWLEDGED", TestData.string("select status from referral where id = ?::uuid", id));
    }

    @Test
    void aMailOutageNeitherHoldsTheSendNorLosesTheEmail() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Outage Referral");
        recordConsent(trainer, id);
        MailServer.stopSmtp();
        try {
            assertEquals("SENT", send(trainer, id), "the referral is sent while the mail server is away");
            await().atMost(Duration.ofSeconds(15)).until(() -> TestData.count(
                    "select count(*) from referral_mail where referral_id = ?::uuid and sent_at is null and attempts > 0", id) == 1);
            trainer.request().get("/referrals/" + id).then().statusCode(200)
                    .body(containsString("has not gone out yet"), containsString("Backline keeps trying"));
        } finally {
            MailServer.startSmtp();
        }
        providerLink(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> trainer.request().get("/referrals/" + id).asString()
                .contains("Email with the link sent to " + QUIET_ALDER_EMAIL));
        // In the clinic's time, saying so (Portland: PST or PDT), as on every page.
        String page = trainer.request().get("/referrals/" + id).asString();
        assertTrue(java.util.regex.Pattern.compile("sent to " + QUIET_ALDER_EMAIL.replace(".", "\\.")
                + ", [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M P[SD]T\\.").matcher(page).find(), "the time is in the clinic's zone");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> MailServer.messages().stream().filter(m -> m.contains(id)).count() == 1);
        assertEquals(1, TestData.count("select count(*) from referral_mail where referral_id = ?::uuid and sent_at is not null"
                + " and body is null", id), "sent once, and the link is not kept in the outbox");
    }

    @Test
    void aMailServerThatGoesSilentNeitherHoldsTheSendNorDoublesTheEmail() throws Exception {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Silent Server");
        recordConsent(trainer, id);
        try (var silent = MailServer.silence()) {
            // The send is answered while the mail server says nothing: the email waits in the outbox, not in the request.
            assertEquals("SENT", send(trainer, id));
            trainer.request().get("/referrals/" + id).then().body(org.hamcrest.Matchers.anyOf(
                    containsString("is on its way"), containsString("has not gone out yet")));
            assertEquals(0, TestData.count("select count(*) from referral_mail where referral_id = ?::uuid and sent_at is not null", id));
            // A send gives up after the mailer's timeout (5 s in tests) and is tried again later.
            await().atMost(Duration.ofSeconds(30)).until(() -> TestData.count(
                    "select count(*) from referral_mail where referral_id = ?::uuid and sent_at is null and attempts > 0", id) == 1);
        }
        providerLink(id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> MailServer.messages().stream().filter(m -> m.contains(id)).count() == 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/consent/revoke | was not sent: the client&#39;s consent was withdrawn",
            "/revoke-link    | was not sent: the link was withdrawn" })
    void anEmailWhoseConsentOrLinkWasWithdrawnBeforeItLeftIsNotSent(String withdrawal, String timelineNote) {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Withdrawn Early");
        recordConsent(trainer, id);
        String page = "/referrals/" + id;
        MailServer.stopSmtp(); // so the email is still waiting when the withdrawal comes
        try {
            send(trainer, id);
            trainer.submit(page, page + withdrawal, Map.of()).then().statusCode(303);
        } finally {
            MailServer.startSmtp();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestData.count("select count(*) from referral_mail where referral_id = ?::uuid", id) == 0);
        assertEquals(0, MailServer.messages().stream().filter(m -> m.contains(id)).count());
        trainer.request().get(page).then().body(containsString(timelineNote));
    }

    @Test
    void anotherClinicNeverSeesAReferral() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Rose Only");
        var cedar = SignIn.as("cedar-admin");
        cedar.request().get("/referrals/" + id).then().statusCode(404);
        cedar.request().get("/referrals/" + id + "/letter").then().statusCode(404);
        cedar.request().get("/referrals").then().statusCode(200).body(not(containsString("Rose Only")));
        SignIn.as("rose-trainer2").request().get("/referrals/" + id).then().statusCode(404);
        SignIn.as("rose-client2").request().get("/today/referrals/" + id).then().statusCode(404);
    }

    @Test
    void anUnacknowledgedReferralIsOverdueOnTheDashboardAndTheTrainerIsRemindedOnce() {
        var trainer = SignIn.as("rose-trainer");
        String id = draft(trainer, "Overdue Person");
        recordConsent(trainer, id);
        send(trainer, id);
        TestData.sql("update referral set sent_at = now() - interval '8 days' where id = ?::uuid", id);

        trainer.request().get("/dashboard").then().body(containsString("Referrals waiting too long"), containsString("Overdue Person"));
        trainer.request().get("/referrals/" + id).then().body(containsString("overdue: not acknowledged"));
        var reminders = MailServer.awaitMessagesContaining("/referrals/" + id, 1, Duration.ofSeconds(20), "not been acknowledged");
        assertEquals(1, reminders.size());
        // Several reminder runs (every 2 s in tests) pass without a second email.
        await("one reminder, not one per run").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> MailServer.messages().stream()
                        .filter(m -> m.contains("/referrals/" + id) && m.contains("not been acknowledged")).count() == 1);
    }

    @Test
    void theReferralFormKeepsWhatWasTypedWhenRefusedAndSavesOnceWhenSentTwice() {
        var trainer = SignIn.as("rose-trainer");
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Form Person");
        String page = "/referrals/new?provider=" + QUIET_ALDER + "&client=" + client;
        Map<String, Object> bad = new HashMap<>(Map.of("reason", "", "urgency", "WHENEVER", "message", "<b>hi</b>"));
        trainer.submit(page, "/referrals", bad).then().statusCode(400)
                .body(containsString("Reason is required"), containsString("Choose how urgent"),
                        containsString("&lt;b&gt;hi&lt;/b&gt;"));
        Map<String, String> hidden = trainer.hiddenFields(page, "/referrals");
        Map<String, Object> good = Map.of("reason", "Upper back ache", "urgency", "ROUTINE", "message", "");
        trainer.resubmit(page, "/referrals", good, hidden).then().statusCode(303);
        trainer.resubmit(page, "/referrals", good, hidden).then().statusCode(303);
        assertEquals(1, TestData.count("select count(*) from referral where client_id = ?::uuid", client.toString()));
    }
}
