package io.backline.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A provider's link lives only as long as it should: closing the referral or erasing the client ends it, the page
 * shows what was sent (not what was recorded later), every reply is kept, and the credential leaves the address for
 * a short-lived cookie on that one referral's pages.
 */
@QuarkusTest
class ProviderLinkLifecycleTest {
    private static final List<String> ACTIONS = List.of("acknowledge", "schedule", "decline", "reply");

    @Inject
    ReferralLinks links;

    /** A referral of a new client, sent with consent; returns its id. */
    private static String sentReferral(SignIn.Session trainer, String clientName) {
        String id = ReferralsTest.draft(trainer, clientName);
        ReferralsTest.recordConsent(trainer, id);
        assertEquals("SENT", ReferralsTest.send(trainer, id));
        return id;
    }

    private static String action(String id, String action) {
        return "/provider/referrals/" + id + "/" + action;
    }

    @Test
    void theFirstOpenSetsAScopedCookieAndSendsToAnAddressWithoutTheCredential() {
        var trainer = SignIn.as("rose-trainer");
        String id = sentReferral(trainer, "Cookie Holder");
        String link = ReferralsTest.providerLink(id);
        assertTrue(link.contains("&key=test2027&"), "the link names the current key: " + link);

        Response first = given().redirects().follow(false).get(link);
        assertEquals(303, first.statusCode());
        assertEquals(ProviderBrowser.APP + "/provider/referrals/" + id, first.header("Location"), "no credential in the address");
        String cookie = first.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(ProviderBrowser.PASS + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no pass cookie: " + first.headers()));
        assertTrue(cookie.contains("Path=/provider/referrals/" + id + ";") || cookie.endsWith("Path=/provider/referrals/" + id), cookie);
        assertTrue(cookie.toLowerCase().contains("; httponly"), cookie);
        // Lax: sent when the provider follows the email's link from a web mail page, never with another site's POST.
        assertTrue(cookie.toLowerCase().contains("; samesite=lax"), cookie);
        assertFalse(cookie.toLowerCase().contains("; secure"), "Secure in production only (tests run over plain HTTP): " + cookie);
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertTrue(maxAge > 0 && maxAge <= 2 * 3600, "a short-lived cookie: " + cookie);

        var provider = new ProviderBrowser();
        String path = provider.open(link);
        String page = provider.get(path).then().statusCode(200).body(containsString("Cookie Holder")).extract().asString();
        Document html = Jsoup.parse(page);
        assertEquals(List.of(), html.select("form input[name=expires], form input[name=signature], form input[name=e], "
                + "form input[name=s], form input[name=key]").eachAttr("name"), "no credential in the forms");
        String signature = link.substring(link.indexOf("signature=") + "signature=".length());
        assertFalse(page.contains(signature), "the signature appears nowhere on the page");

        // Without the cookie the plain address is a dead link, and its forms write nothing.
        given().redirects().follow(false).get(path).then().statusCode(404)
                .body(containsString("This link is not valid"), not(containsString("Cookie Holder")));
        Map<String, String> hidden = provider.session.hiddenFields(path, action(id, "acknowledge"));
        var stranger = new SignIn.Session("stranger", new HashMap<>(provider.session.cookies()));
        stranger.cookies().remove(ProviderBrowser.PASS);
        stranger.resubmit(path, action(id, "acknowledge"), Map.of(), hidden).then().statusCode(404);
        // Nor does the credential sent in the form, as pages rendered before the change carried it.
        Map<String, String> withCredential = new HashMap<>(hidden);
        withCredential.put("expires", link.replaceAll(".*expires=(\\d+).*", "$1"));
        withCredential.put("signature", signature);
        stranger.resubmit(path, action(id, "acknowledge"), Map.of(), withCredential).then().statusCode(404);
        assertEquals("SENT", TestData.string("select status from referral where id = ?::uuid", id));

        provider.session.resubmit(path, action(id, "acknowledge"), Map.of(), hidden).then().statusCode(303)
                .header("Location", ProviderBrowser.APP + "/provider/referrals/" + id);
        assertEquals("ACKNOWLEDGED", TestData.string("select status from referral where id = ?::uuid", id));
    }

    @Test
    void aLinkSignedWithAnOlderKeyStillOpensAndAnUnknownKeyOpensNothing() {
        var trainer = SignIn.as("rose-trainer");
        String id = sentReferral(trainer, "Older Key Holder");
        ReferralsTest.providerLink(id);
        // Tests sign with key test2027; the default key (BACKLINE_LINK_SECRET) signed links before the rotation.
        String older = links.link(ProviderBrowser.stored(id), LinkKeys.DEFAULT_ID);
        assertTrue(older.contains("&key=default&"), older);
        var provider = new ProviderBrowser();
        provider.get(provider.open(older)).then().statusCode(200).body(containsString("Older Key Holder"));

        for (String unknown : List.of(older.replace("&key=default&", "&key=retired&"),
                older.replace("&key=default&", "&key=test2027&"))) {
            Response refused = given().redirects().follow(false).get(unknown);
            assertEquals(404, refused.statusCode(), unknown);
            assertNull(refused.getCookie(ProviderBrowser.PASS), "no pass for a link the keys do not sign");
        }
    }

    /** The ways a link ends, the status its pages then answer, and how each is brought about. */
    enum Death {
        EXPIRED(410), REVOKED(410), DECLINED(410), COMPLETED(410), CANCELLED(410), ERASED_CLIENT(410),
        TAMPERED_EXPIRY(404), UNKNOWN_KEY(404);

        final int status;

        Death(int status) {
            this.status = status;
        }
    }

    @ParameterizedTest
    @EnumSource(Death.class)
    void everyPostWithADeadLinkIsRefusedAndWritesNothing(Death death) {
        var trainer = SignIn.as("rose-trainer");
        String name = "Dead Link " + death.name().charAt(0) + death.name().substring(1).toLowerCase().replace('_', ' ');
        String id = sentReferral(trainer, name);
        var provider = new ProviderBrowser();
        String path = provider.open(ReferralsTest.providerLink(id));
        // The forms' CSRF tokens while the page was alive: the posts below are what its buttons would send.
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        for (String action : ACTIONS) {
            forms.put(action, provider.session.hiddenFields(path, action(id, action)));
        }
        kill(death, id, trainer, provider, path, name);

        String before = written(id);
        for (String action : ACTIONS) {
            Map<String, Object> fields = Map.of("appointmentOn", "2031-01-02", "reason", "Too busy",
                    "findings", "Written after the link died", "recommendations", "None", "completed", "on");
            provider.session.resubmit(path, action(id, action), fields, forms.get(action)).then()
                    .statusCode(death.status).body(not(containsString(name)));
        }
        provider.get(path).then().statusCode(death.status).body(not(containsString(name)));
        assertEquals(before, written(id), death + ": nothing written");
    }

    private void kill(Death death, String id, SignIn.Session trainer, ProviderBrowser provider, String path, String name) {
        String page = "/referrals/" + id;
        String[] pass = provider.pass() == null ? new String[0] : provider.pass().split("\\.");
        assertEquals(3, pass.length, "the provider holds a pass");
        switch (death) {
            case EXPIRED -> {
                // The link's expiry passes; the browser still holds a pass, signed right, for that link.
                Instant passed = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
                TestData.sql("update referral set link_expires_at = ? where id = ?::uuid", Timestamp.from(passed), id);
                provider.holdPass(links.pass(ProviderBrowser.stored(id)));
            }
            case REVOKED -> trainer.submit(page, page + "/revoke-link", Map.of()).then().statusCode(303);
            case DECLINED -> provider.submit(path, action(id, "decline"), Map.of("reason", "Not taking new clients"))
                    .then().statusCode(303);
            case COMPLETED -> trainer.submit(page, page + "/complete", Map.of()).then().statusCode(303);
            case CANCELLED -> trainer.submit(page, page + "/cancel", Map.of("reason", "Client moved")).then().statusCode(303);
            case ERASED_CLIENT -> {
                String client = TestData.string("select client_id::text from referral where id = ?::uuid", id);
                String erase = "/clients/" + client + "/records/erase";
                SignIn.as("rose-admin").submit(erase, erase, Map.of("confirmName", name)).then().statusCode(303);
            }
            case TAMPERED_EXPIRY -> {
                provider.holdPass(pass[0] + "." + (Long.parseLong(pass[1]) + 86400) + "." + pass[2]);
                String link = ReferralsTest.providerLink(id);
                String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
                given().redirects().follow(false).get(link.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86400)))
                        .then().statusCode(404);
            }
            case UNKNOWN_KEY -> provider.holdPass("retired." + pass[1] + "." + pass[2]);
        }
    }

    /** Everything a provider's post could write about the referral, as one text. */
    private static String written(String id) {
        return TestData.string("""
                select r.status || '|' || coalesce(r.appointment_on::text, '') || '|' || coalesce(r.acknowledged_at::text, '')
                    || '|' || coalesce(r.provider_findings, '') || '|' || coalesce(r.resume_answer, '')
                    || '|' || (select count(*) from referral_event e where e.referral_id = r.id)
                    || '|' || (select count(*) from referral_reply p where p.referral_id = r.id)
                    || '|' || (select count(*) from clearance c where c.referral_id = r.id)
                    || '|' || (select count(*) from audit_trail a where a.detail = r.id::text)
                from referral r where r.id = ?::uuid""", id);
    }

    @Test
    void theProviderSeesWhatWasSentNotAFlagReportedLater() {
        var trainer = SignIn.as("rose-trainer");
        UUID client = TestData.clientOnCareTeam("rose-city", "rose-trainer", "Snapshot Person");
        flag(client, "Ache reported before the referral", Instant.now().minusSeconds(3600));
        String page = "/referrals/new?provider=" + ReferralsTest.QUIET_ALDER + "&client=" + client;
        Map<String, Object> fields = new HashMap<>();
        fields.put("reason", "Stiff thoracic spine after two weeks");
        fields.put("urgency", "ROUTINE");
        fields.put("message", "");
        fields.put("shareFlags", "on");
        String location = trainer.submit(page, "/referrals", fields).then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        ReferralsTest.recordConsent(trainer, id);
        assertEquals("SENT", ReferralsTest.send(trainer, id));

        // After sending: a new flag, and the client's name changed.
        flag(client, "Sharp pain reported after sending", Instant.now());
        TestData.sql("update client set full_name = 'Renamed After Sending' where id = ?::uuid", client.toString());

        var provider = new ProviderBrowser();
        provider.get(provider.open(ReferralsTest.providerLink(id))).then().statusCode(200)
                .body(containsString("Ache reported before the referral"), not(containsString("Sharp pain reported after sending")),
                        containsString("Snapshot Person"), not(containsString("Renamed After Sending")));
        trainer.request().get("/referrals/" + id).then().statusCode(200).body(containsString("data-testid=\"packet-sent\""),
                containsString("Ache reported before the referral"), not(containsString("Sharp pain reported after sending")));
    }

    private static void flag(UUID client, String description, Instant reportedAt) {
        TestData.sql("""
                insert into symptom_flag (id, clinic_id, client_id, type, severity, region, occurred, level, explanation,
                    status, reported_by, request_key, description, reported_at)
                values (gen_random_uuid(), 'rose-city', ?::uuid, 'INCREASED_PAIN', 2, 'MIDDLE_THORACIC', 'AFTER',
                    'GREEN', 'Snapshot test', 'RESOLVED', gen_random_uuid(), gen_random_uuid(), ?, ?)""",
                client.toString(), description, Timestamp.from(reportedAt));
    }

    @Test
    void aSecondReplyIsKeptNextToTheFirst() {
        var trainer = SignIn.as("rose-trainer");
        String id = sentReferral(trainer, "Two Replies");
        var provider = new ProviderBrowser();
        String path = provider.open(ReferralsTest.providerLink(id));
        provider.submit(path, action(id, "reply"), Map.of("findings", "First visit: guarded extension at T5",
                "recommendations", "")).then().statusCode(303);
        provider.submit(path, action(id, "reply"), Map.of("findings", "Second visit: full extension",
                "recommendations", "Back to level three")).then().statusCode(303);

        assertEquals(2, TestData.count("select count(*) from referral_reply where referral_id = ?::uuid", id));
        String staffPage = trainer.request().get("/referrals/" + id).then().statusCode(200).extract().asString();
        List<String> replies = Jsoup.parse(staffPage).select("[data-testid=provider-reply] [data-testid=reply]").eachText();
        assertEquals(2, replies.size(), replies.toString());
        assertTrue(replies.get(0).contains("First visit: guarded extension at T5"), replies.toString());
        assertTrue(replies.get(1).contains("Second visit: full extension") && replies.get(1).contains("Back to level three"),
                replies.toString());
        provider.get(path).then().body(containsString("First visit: guarded extension at T5"),
                containsString("Second visit: full extension"));
    }

    @Test
    void theRateLimitCountsPostsToo() {
        var trainer = SignIn.as("rose-trainer");
        String id = sentReferral(trainer, "Busy Link");
        var provider = new ProviderBrowser();
        String path = provider.open(ReferralsTest.providerLink(id));
        Map<String, String> hidden = provider.session.hiddenFields(path, action(id, "schedule")); // opening 1
        for (int i = 1; i < ProviderReferrals.REQUESTS_PER_10_MINUTES; i++) {
            provider.session.resubmit(path, action(id, "schedule"), Map.of("appointmentOn", "2031-01-" + (10 + i % 18)), hidden)
                    .then().statusCode(303);
        }
        String before = written(id);
        provider.session.resubmit(path, action(id, "schedule"), Map.of("appointmentOn", "2031-02-01"), hidden).then()
                .statusCode(429);
        assertEquals(before, written(id));
        assertNotEquals("2031-02-01", TestData.string("select appointment_on::text from referral where id = ?::uuid", id));
    }
}
