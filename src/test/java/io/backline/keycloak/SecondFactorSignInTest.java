package io.backline.keycloak;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The second factor through Keycloak's real pages, in the dev realm's copy of production's flow: a trainer with an
 * authenticator app (rose-trainer-otp, whose TOTP secret the dev realm imports) gives the password, then the code.
 * The demo staff hold no mfa-required role, so they keep signing in with a password alone.
 */
@QuarkusTest
class SecondFactorSignInTest {
    private static final String TRAINER = "rose-trainer-otp";
    /** The secret of the trainer's OTP credential in deploy/keycloak/backline-realm.json (Keycloak's raw encoding). */
    private static final SecretKeySpec SECRET = new SecretKeySpec("backline-test-otp-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    @BeforeAll
    static void trainerWorksAtRoseCity() {
        // Backline knows its staff from its own table; this trainer exists for this test only.
        TestData.sql("""
                insert into staff_member (id, clinic_id, user_id, full_name, email, role)
                values (?::uuid, 'rose-city', ?::uuid, 'Toni Okada', 'rose-trainer-otp@rosecitymovement.example', 'trainer')
                on conflict do nothing""", Demo.staffId(TRAINER).toString(), Demo.userId(TRAINER).toString());
    }

    @AfterAll
    static void trainerLeaves() {
        TestData.sql("delete from staff_member where id = ?::uuid", Demo.staffId(TRAINER).toString());
    }

    @Test
    void trainerGivesTheCodeFromTheirAppAndLandsOnTheDashboard() {
        var trainer = SignIn.withOneTimeCode(TRAINER, code(Instant.now()));
        trainer.request().get("/dashboard").then().statusCode(200)
                .body(containsString(Demo.ROSE), containsString("Toni Okada"), containsString("Sign out"));
    }

    @Test
    void aWrongCodeIsRefusedAndNobodyIsSignedIn() {
        AssertionError refused = assertThrows(AssertionError.class, () -> SignIn.withOneTimeCode(TRAINER, wrongCode()));
        assertTrue(refused.getMessage().contains("Invalid authenticator code"), refused.getMessage());
    }

    @Test
    void demoStaffAreNotAskedForASecondFactor() {
        SignIn.as("cedar-admin").request().get("/clinic").then().statusCode(200).body(containsString(Demo.CEDAR));
        SignIn.as("cedar-trainer").request().get("/dashboard").then().statusCode(200).body(containsString(Demo.CEDAR));
    }

    private static String code(Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(SECRET, at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six digits that none of the codes Keycloak accepts now (this step and its neighbours) equals. */
    private static String wrongCode() {
        Instant now = Instant.now();
        Duration step = TOTP.getTimeStep();
        Set<String> accepted = new HashSet<>();
        for (Instant at : new Instant[] { now.minus(step), now, now.plus(step), now.plus(step.multipliedBy(2)) }) {
            accepted.add(code(at));
        }
        return IntStream.range(0, 10).mapToObj(i -> String.valueOf(i).repeat(6)).filter(c -> !accepted.contains(c))
                .findFirst().orElseThrow();
    }
}
