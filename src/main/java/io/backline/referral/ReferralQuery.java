package io.backline.referral;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The referral statements that entities cannot say: the lock on a form's one-time key, and a link's clinic. */
@ApplicationScoped
class ReferralQuery {
    @Inject
    ClinicSql sql;

    /**
     * Holds this clinic's lock on a referral form's one-time key until the transaction ends, so that the same form
     * arriving twice at once waits here for the first, then finds what it saved.
     */
    void lockRequestKey(UUID requestKey) {
        sql.list("select pg_advisory_xact_lock(hashtext('referral|' || :clinic || '|' || ?))", row -> Boolean.TRUE,
                requestKey.toString());
    }

    /**
     * The clinic of the referral a provider's link names, or empty when there is no such referral. Across clinics:
     * the provider is not signed in, so the referral found by the link is what names the clinic. In a transaction of
     * its own, so that the session it opens, for no clinic, is closed before the request's own session opens for the
     * clinic this returns (Hibernate fixes a session's clinic when it opens).
     */
    Optional<String> clinicOfReferral(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.listAcrossClinics(
                "select clinic_id from referral where id = ?", row -> row.getString(1), referralId)).stream().findFirst();
    }
}
