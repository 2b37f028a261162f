package io.backline.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/** The invitation's one statement beyond its entity. */
@ApplicationScoped
class InvitationQuery {
    @Inject
    ClinicSql sql;

    /**
     * Holds, until the transaction ends, a lock on this clinic's invitations to the address: one invitation per
     * clinic and address at a time, even when the same form arrives twice at once.
     */
    void lockAddress(String email) {
        sql.query("select pg_advisory_xact_lock(hashtext(:clinic || '|' || :email))").setParameter("email", email)
                .getSingleResult();
    }
}
