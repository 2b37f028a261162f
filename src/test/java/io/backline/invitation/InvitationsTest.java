package io.backline.invitation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backline.config.BacklineConfig;
import io.backline.support.Demo;
import io.backline.support.KeycloakAdmin;
import io.backline.support.MailServer;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Invitations through Keycloak: checked input, one invitation per address, revoking, and second memberships. */
@QuarkusTest
class InvitationsTest {
    private static final String PAGE = "/invitations";

    @Inject
    BacklineConfig config;

    private static Map<String, Object> invitation(String name, String email, String role) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("fullName", name);
        fields.put("email", email);
        fields.put("phone", "");
        fields.put("role", role);
        fields.put("leadTrainerId", io.backline.support.Demo.staffId("rose-trainer").toString());
        return fields;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@invited.example";
    }

    private static long invitations(String email) {
        return TestData.count("select count(*) from invitation where email = ?", email);
    }

    @Test
    void anInvalidEmailIsRefusedWithWhatWasTypedKept() {
        var admin = SignIn.as("rose-admin");
        admin.submit(PAGE, PAGE, invitation("Pat <b>Quinn</b>", "pat-at-example", "client"))
                .then().statusCode(400)
                .body(containsString("does not look like an email address"),
                        containsString("value=\"pat-at-example\""),
                        containsString("Pat &lt;b&gt;Quinn&lt;/b&gt;"), not(containsString("<b>Quinn</b>")));
        assertEquals(0, invitations("pat-at-example"));
    }

    @Test
    void aNewClientIsInvitedOnceEvenWhenTheFormIsSentTwice() {
        var trainer = SignIn.as("rose-trainer");
        String email = unique("twice");
        Map<String, Object> fields = invitation("Twice Sent", email, "client");
        Map<String, String> hidden = trainer.hiddenFields(PAGE, PAGE);
        trainer.resubmit(PAGE, PAGE, fields, hidden).then().statusCode(303);
        trainer.resubmit(PAGE, PAGE, fields, hidden).then().statusCode(303);

        assertEquals(1, invitations(email));
        String userId = KeycloakAdmin.userIdByEmail(email);
        assertNotNull(userId, "Backline made the Keycloak account");
        assertEquals(List.of("rose-city"), KeycloakAdmin.clinicsOf(userId));
        MailServer.exactlyOne(email, Duration.ofSeconds(3));
        assertEquals(1, TestData.count("""
                select count(*) from care_team_member m join client c on c.id = m.client_id
                where c.email = ? and m.lead and m.staff_member_id = ?::uuid""", email,
                io.backline.support.Demo.staffId("rose-trainer").toString()), "the inviting trainer leads the care team");
        trainer.request().get(PAGE).then().body(containsString(email));
    }

    @Test
    void theInvitationEmailSaysWhoInvitedThePersonToWhichClinicWhatToDoAndUntilWhen() {
        String email = unique("branded");
        SignIn.as("rose-trainer").submit(PAGE, PAGE, invitation("Brook Branded", email, "client")).then().statusCode(303);

        String mail = MailServer.exactlyOne(email, Duration.ofSeconds(1));
        String inviter = TestData.string("select full_name from staff_member where id = ?::uuid",
                Demo.staffId("rose-trainer").toString());
        ZoneId zone = ZoneId.of(TestData.string("select timezone from clinic where id = 'rose-city'"));
        String lastDay = LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(config.invitations().linkDays())), zone)
                .format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));
        assertTrue(mail.contains("Subject: Set up your Backline account"), mail);
        assertTrue(mail.contains("You are invited to " + Demo.ROSE + " on Backline"), mail);
        assertTrue(mail.contains(inviter + " invited you to join " + Demo.ROSE + " on Backline as a client."), mail);
        assertTrue(mail.contains("Backline is where " + Demo.ROSE + " keeps your exercise program"), "what Backline is: " + mail);
        assertTrue(mail.contains("To accept, choose a password"), "what to do: " + mail);
        assertTrue(mail.contains("This link works for " + config.invitations().linkDays() + " days, until " + lastDay), mail);
        assertTrue(mail.contains("background:#15324a"), "the HTML part wears Backline's colours: " + mail);
        assertFalse(mail.contains("Your administrator has just requested"), "not Keycloak's stock text: " + mail);
        assertNotNull(MailServer.link(mail, "http://localhost:8180/realms/backline/login-actions/action-token?"), mail);
    }

    @Test
    void twoIdenticalSubmitsArrivingTogetherSaveOneInvitationAndNeitherFails() throws Exception {
        var admin = SignIn.as("rose-admin");
        String email = unique("together");
        Map<String, Object> fields = invitation("Both At Once", email, "trainer");
        Map<String, String> hidden = admin.hiddenFields(PAGE, PAGE);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> admin.resubmit(PAGE, PAGE, fields, hidden).statusCode());
            var second = pool.submit(() -> admin.resubmit(PAGE, PAGE, fields, hidden).statusCode());
            assertEquals(List.of(303, 303), List.of(first.get(), second.get()));
        } finally {
            pool.shutdown();
        }
        assertEquals(1, invitations(email));
    }

    @Test
    void aSecondInvitationToTheSameAddressOrToAMemberIsRefused() {
        var admin = SignIn.as("rose-admin");
        String email = unique("dup");
        admin.submit(PAGE, PAGE, invitation("Dup Licate", email, "trainer")).then().statusCode(303);
        admin.submit(PAGE, PAGE, invitation("Dup Licate", email, "trainer")).then().statusCode(400)
                .body(containsString("already has an invitation waiting"));
        admin.submit(PAGE, PAGE, invitation("Alex Again", "rose-client1@rosecitymovement.example", "client"))
                .then().statusCode(400).body(containsString("already belongs to this clinic"));
        assertEquals(1, invitations(email));
    }

    @Test
    void anAccountAnEarlierTryLeftWithoutPasswordOrClinicGetsTheSetPasswordLink() {
        String email = unique("left-behind");
        String userId = KeycloakAdmin.createAccountWithoutPassword(email);

        SignIn.as("rose-admin").submit(PAGE, PAGE, invitation("Left Behind", email, "client")).then().statusCode(303);

        assertEquals("t", TestData.string("select new_account from invitation where email = ?", email));
        assertEquals(List.of("rose-city"), KeycloakAdmin.clinicsOf(userId));
        String mail = MailServer.awaitMessagesContaining(email, 1, Duration.ofSeconds(20)).get(0);
        assertNotNull(MailServer.link(mail, "http://localhost:8180/realms/backline/login-actions/action-token?"), mail);
    }

    @Test
    void aClinicPastKeycloaksFirstPageOfOrganizationsInvitesToo() {
        // Keycloak lists ten organizations unless asked for more: ten whose names sort first push this clinic past them.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clinic = "zz-" + suffix;
        List<String> organizations = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                organizations.add(KeycloakAdmin.createOrganization("Aaa filler " + suffix + " " + i, "aaa-" + suffix + "-" + i));
            }
            organizations.add(KeycloakAdmin.createOrganization("Zz Clinic " + suffix, clinic));
            TestData.sql("insert into clinic (id, name, city) values (?, ?, 'Beaverton')", clinic, "Zz Clinic " + suffix);
            String username = "zz-admin-" + suffix;
            String userId = KeycloakAdmin.createUser(username, username + "@zz.example", List.of("clinic-admin"), List.of(clinic));
            TestData.sql("""
                    insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                    values (?::uuid, ?, ?::uuid, 'Zed Admin', ?, 'clinic-admin')""",
                    UUID.randomUUID().toString(), clinic, userId, username + "@zz.example");

            String email = unique("past-first-page");
            SignIn.as(username).submit(PAGE, PAGE, Map.of("fullName", "Page Turner", "email", email, "phone", "",
                    "role", "trainer", "leadTrainerId", "")).then().statusCode(303);

            assertEquals(1, invitations(email));
            assertEquals(List.of(clinic), KeycloakAdmin.clinicsOf(KeycloakAdmin.userIdByEmail(email)));
        } finally {
            organizations.forEach(KeycloakAdmin::deleteOrganization);
        }
    }

    @Test
    void revokingEndsTheLinkAndRemovesTheAccountMadeForIt() {
        var admin = SignIn.as("rose-admin");
        String email = unique("revoked");
        admin.submit(PAGE, PAGE, invitation("Revo Ked", email, "client")).then().statusCode(303);
        String id = TestData.string("select id from invitation where email = ?", email);
        admin.submit(PAGE, PAGE + "/" + id + "/revoke", Map.of()).then().statusCode(303);

        assertEquals("revoked", TestData.string("select status from invitation where id = ?::uuid", id));
        assertNull(KeycloakAdmin.userIdByEmail(email), "the account made for the invitation is gone");
        assertEquals(0, TestData.count("select count(*) from client where email = ? and active", email));
        admin.request().get(PAGE).then().body(not(containsString(email)));
    }

    @Test
    void someoneFromAnotherClinicJoinsAsASecondMembershipWithoutLearningAboutTheOther() {
        String email = unique("both");
        String userId = KeycloakAdmin.createUser(email, email, List.of("client"), List.of("cedar-hills"));
        TestData.sql("insert into client (id, clinic_id, user_id, full_name, email) values (?::uuid, 'cedar-hills', ?::uuid, 'Bo Th', ?)",
                UUID.randomUUID().toString(), userId, email);

        var admin = SignIn.as("rose-admin");
        admin.submit(PAGE, PAGE, invitation("Bo Th", email, "client")).then().statusCode(303);
        admin.request().get(PAGE).then().statusCode(200).body(containsString(email), not(containsString("Cedar")));
        assertEquals(List.of("cedar-hills", "rose-city"), KeycloakAdmin.clinicsOf(userId).stream().sorted().toList());
        assertEquals("f", TestData.string("select new_account from invitation where email = ?", email));
        String mail = MailServer.awaitMessagesContaining(email, 1, Duration.ofSeconds(20)).get(0);
        assertTrue(mail.contains("Rose City Movement") && !mail.contains("Cedar"), mail);

        // Cedar Hills' own record is untouched.
        assertEquals(1, TestData.count("select count(*) from client where clinic_id = 'cedar-hills' and email = ? and active", email));
    }

    @Test
    void someoneAnotherClinicInvitedWhoHasNoPasswordYetGetsTheSetPasswordLinkAndKeepsTheOtherClinicOnRevoke() {
        String email = unique("no-password-yet");
        Map<String, Object> cedarInvitation = invitation("Not Yet", email, "client");
        cedarInvitation.put("leadTrainerId", io.backline.support.Demo.staffId("cedar-trainer").toString());
        SignIn.as("cedar-admin").submit(PAGE, PAGE, cedarInvitation).then().statusCode(303);
        String userId = KeycloakAdmin.userIdByEmail(email);
        MailServer.awaitMessagesContaining(email, 1, Duration.ofSeconds(20));

        // A "sign in with your existing account" email would leave them stuck: there is no password to sign in with.
        var admin = SignIn.as("rose-admin");
        admin.submit(PAGE, PAGE, invitation("Not Yet", email, "client")).then().statusCode(303);
        assertEquals("t", TestData.string("select new_account from invitation where email = ? and clinic_id = 'rose-city'", email));
        String mail = MailServer.awaitMessagesContaining(email, 2, Duration.ofSeconds(20)).get(1);
        assertNotNull(MailServer.link(mail, "http://localhost:8180/realms/backline/login-actions/action-token?"), mail);

        // Revoking Rose City's invitation takes Rose City's membership only: the account is Cedar Hills' invitee too.
        String id = TestData.string("select id from invitation where email = ? and clinic_id = 'rose-city'", email);
        admin.submit(PAGE, PAGE + "/" + id + "/revoke", Map.of()).then().statusCode(303);
        assertEquals(userId, KeycloakAdmin.userIdByEmail(email));
        assertEquals(List.of("cedar-hills"), KeycloakAdmin.clinicsOf(userId));
    }

    @Test
    void trainersInviteClientsOnlyAndNobodySeesAnotherClinicsInvitations() {
        var trainer = SignIn.as("rose-trainer");
        trainer.submit(PAGE, PAGE, invitation("Not Allowed", unique("staff"), "clinic-admin")).then().statusCode(400)
                .body(containsString("Choose whom you are inviting: a client."));
        trainer.request().get("/staff").then().statusCode(403);

        var admin = SignIn.as("rose-admin");
        String email = unique("private");
        admin.submit(PAGE, PAGE, invitation("Pri Vate", email, "trainer")).then().statusCode(303);
        String id = TestData.string("select id from invitation where email = ?", email);
        var cedar = SignIn.as("cedar-admin");
        cedar.request().get(PAGE).then().statusCode(200).body(not(containsString(email)));
        cedar.resubmit(PAGE, PAGE + "/" + id + "/revoke", Map.of(), cedar.hiddenFields(PAGE, PAGE)).then().statusCode(404);
        assertEquals("pending", TestData.string("select status from invitation where id = ?::uuid", id));
    }

    @Test
    void trainersManageOnlyTheInvitationsTheySentOrThatAreForTheirClients() {
        var jonas = SignIn.as("rose-trainer");
        String jonasSent = unique("jonas-sent");
        jonas.submit(PAGE, PAGE, invitation("Jonas Sent", jonasSent, "client")).then().statusCode(303);
        var admin = SignIn.as("rose-admin");
        String forPriya = unique("for-priya");
        Map<String, Object> priyasClient = invitation("For Priya", forPriya, "client");
        priyasClient.put("leadTrainerId", Demo.staffId("rose-trainer2").toString());
        admin.submit(PAGE, PAGE, priyasClient).then().statusCode(303);
        String trainerInvited = unique("new-trainer");
        admin.submit(PAGE, PAGE, invitation("New Trainer", trainerInvited, "trainer")).then().statusCode(303);

        var priya = SignIn.as("rose-trainer2");
        priya.request().get(PAGE).then().statusCode(200)
                .body(containsString(forPriya), not(containsString(jonasSent)), not(containsString(trainerInvited)));
        jonas.request().get(PAGE).then().statusCode(200)
                .body(containsString(jonasSent), not(containsString(forPriya)), not(containsString(trainerInvited)));
        admin.request().get(PAGE).then().statusCode(200)
                .body(containsString(jonasSent), containsString(forPriya), containsString(trainerInvited));

        // Jonas's invitation is not there for Priya: neither resent nor revoked.
        String jonasId = TestData.string("select id from invitation where email = ?", jonasSent);
        TestData.sql("update invitation set last_sent_at = last_sent_at - interval '2 minutes' where id = ?::uuid", jonasId);
        Map<String, String> priyasForm = priya.hiddenFields(PAGE, PAGE);
        priya.resubmit(PAGE, PAGE + "/" + jonasId + "/resend", Map.of(), priyasForm).then().statusCode(404);
        priya.resubmit(PAGE, PAGE + "/" + jonasId + "/revoke", Map.of(), priyasForm).then().statusCode(404);
        assertEquals("pending", TestData.string("select status from invitation where id = ?::uuid", jonasId));
        assertEquals(1, TestData.count("select times_sent from invitation where id = ?::uuid", jonasId));

        // The invitation of a client on her care team is hers to manage, whoever sent it.
        String priyasId = TestData.string("select id from invitation where email = ?", forPriya);
        priya.submit(PAGE, PAGE + "/" + priyasId + "/revoke", Map.of()).then().statusCode(303);
        assertEquals("revoked", TestData.string("select status from invitation where id = ?::uuid", priyasId));
    }

    @Test
    void aClinicOverItsHourlyLimitGetsTheFormBackAndNothingIsSavedOrSent() {
        // Cedar Hills reached its limit this hour: as many invitations as it may send, written straight into the table.
        String filler = "Limit filler " + UUID.randomUUID();
        TestData.sql("""
                insert into invitation (id, clinic_id, email, full_name, role, user_id, person_id, new_account, status,
                    invited_by, invited_by_name, request_key)
                select gen_random_uuid(), 'cedar-hills', 'filler-' || n || '@invited.example', 'Filler', 'client',
                    gen_random_uuid(), gen_random_uuid(), false, 'revoked', gen_random_uuid(), ?, gen_random_uuid()
                from generate_series(1, ?) n""", filler, config.invitations().sendsPerHour());
        // A pending invitation first sent two hours ago, which would be due for a resend.
        String waiting = unique("waiting");
        String waitingId = UUID.randomUUID().toString();
        TestData.sql("""
                insert into invitation (id, clinic_id, email, full_name, role, user_id, person_id, new_account, status,
                    invited_by, invited_by_name, request_key, created_at, last_sent_at)
                values (?::uuid, 'cedar-hills', ?, 'Still Waiting', 'client', gen_random_uuid(), gen_random_uuid(),
                    false, 'pending', gen_random_uuid(), ?, gen_random_uuid(), now() - interval '2 hours',
                    now() - interval '2 hours')""", waitingId, waiting, filler);
        try {
            var admin = SignIn.as("cedar-admin");
            String email = unique("over-limit");
            Map<String, Object> fields = invitation("Over Limit", email, "client");
            fields.put("leadTrainerId", Demo.staffId("cedar-trainer").toString());
            admin.submit(PAGE, PAGE, fields).then().statusCode(429)
                    .body(containsString("invitations in the last hour"), containsString("value=\"" + email + "\""),
                            containsString("value=\"Over Limit\""));
            assertEquals(0, invitations(email));
            assertNull(KeycloakAdmin.userIdByEmail(email), "no account, so no set-password email");
            assertTrue(MailServer.messages().stream().noneMatch(message -> message.contains(email)));

            var resent = admin.submit(PAGE, PAGE + "/" + waitingId + "/resend", Map.of());
            resent.then().statusCode(303);
            admin.keepCookiesOf(resent);
            admin.request().get(PAGE).then().statusCode(200).body(containsString("invitations in the last hour"));
            assertEquals(1, TestData.count("select times_sent from invitation where id = ?::uuid", waitingId));
            assertTrue(MailServer.messages().stream().noneMatch(message -> message.contains(waiting)));
        } finally {
            TestData.sql("delete from invitation where invited_by_name = ?", filler);
        }
    }
}
