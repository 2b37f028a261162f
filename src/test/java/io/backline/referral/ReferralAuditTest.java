package io.backline.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backline.audit.AuditTrail;
import io.backline.support.SignIn;
import io.backline.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Withdrawing a provider's link and closing a referral leave a trace, in the client's access log too. */
@QuarkusTest
class ReferralAuditTest {

    private static long rows(String id, String action) {
        return TestData.count("""
                select count(*) from audit_trail e join referral r on r.id::text = e.subject_id
                where e.subject_kind = 'referral' and e.subject_id = ? and e.action = ? and e.client_id = r.client_id""",
                id, action);
    }

    @Test
    void revokingTheLinkAndCompletingAreRecordedAgainstTheReferralAndItsClient() {
        var trainer = SignIn.as("rose-trainer");
        String id = ReferralsTest.draft(trainer, "Referral Audited");
        ReferralsTest.recordConsent(trainer, id);
        assertEquals("SENT", ReferralsTest.send(trainer, id));
        String page = "/referrals/" + id;
        trainer.submit(page, page + "/revoke-link", Map.of()).then().statusCode(303);
        trainer.submit(page, page + "/complete", Map.of()).then().statusCode(303);
        assertEquals(1, rows(id, AuditTrail.REVOKED_PROVIDER_LINK));
        assertEquals(1, rows(id, AuditTrail.COMPLETED_REFERRAL));
    }
}
