package io.backline.clinic;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backline.support.KeycloakAdmin;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every request checks the person's membership against a kept copy (docs/adr/0048); a change must reach that copy:
 * at once when the app makes it, within moments when it is made in the database behind the app's back.
 */
@QuarkusTest
class MembershipCacheTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSessionOpenWhenItsClientIsDeactivatedIsRefusedAtItsVeryNextRequest() {
        String username = unique("cached");
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("client"), List.of("rose-city"));
        UUID client = UUID.randomUUID();
        TestData.sql("insert into client (id, clinic_id, user_id, full_name, email) values (?::uuid, 'rose-city', ?::uuid, ?, ?)",
                client.toString(), userId, "Person " + username, username + "@people.example");
        var session = SignIn.as(username);
        session.request().get("/today/screening").then().statusCode(200);
        session.request().get("/today/screening").then().statusCode(200);

        var admin = SignIn.as("rose-admin");
        String profile = "/clients/" + client + "/profile";
        admin.submit(profile, profile + "/deactivate", Map.of()).then().statusCode(303);

        // The same session cookie, no wait: the copy was dropped when the deactivation committed.
        session.request().get("/today/screening").then().statusCode(403);
    }

    @Test
    void aChangeMadeInTheDatabaseReachesTheCopyThroughItsNotice() {
        String username = unique("noticed");
        String userId = KeycloakAdmin.createUser(username, username + "@people.example", List.of("trainer"), List.of("rose-city"));
        TestData.sql("insert into staff_member (id, clinic_id, user_id, full_name, email, role) values (?::uuid, 'rose-city', ?::uuid, ?, ?, 'trainer')",
                UUID.randomUUID().toString(), userId, "Nat Noticed", username + "@people.example");
        var trainer = SignIn.as(username);
        trainer.request().get("/flags/count").then().statusCode(200);

        TestData.sql("update staff_member set active = false where user_id = ?::uuid", userId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> trainer.request().get("/flags/count").statusCode() == 403);

        TestData.sql("update staff_member set active = true where user_id = ?::uuid", userId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> trainer.request().get("/flags/count").statusCode() == 200);

        // A change of the clinic's own row reaches every member's copy: the pages show the new name.
        String name = TestData.string("select name from clinic where id = 'rose-city'");
        try {
            TestData.sql("update clinic set name = 'Rose City Renamed' where id = 'rose-city'");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> trainer.request().get("/dashboard").asString().contains("Rose City Renamed"));
        } finally {
            TestData.sql("update clinic set name = ? where id = 'rose-city'", name);
        }
    }
}
