package io.backline.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * Erasure's statements over the client's rows in other features' tables. Hibernate native statements: the session's
 * pending changes are flushed first, as for any write to tables whose rows it manages.
 */
@ApplicationScoped
class ErasureQuery {
    /** Free text about the client, and what shares it, per table; each names the clinic and {@code :client}. */
    private static final String[] FREE_TEXT = {
            "update session_log set note = null where clinic_id = :clinic and client_id = :client",
            "update symptom_flag set description = null where clinic_id = :clinic and client_id = :client",
            """
            update flag_note set text = null where clinic_id = :clinic
                and flag_id in (select id from symptom_flag where clinic_id = :clinic and client_id = :client)""",
            """
            update prescription set notes = null where clinic_id = :clinic
                and assignment_id in (select id from assignment where clinic_id = :clinic and client_id = :client)""",
            """
            update assignment_event set reason = null where clinic_id = :clinic
                and assignment_id in (select id from assignment where clinic_id = :clinic and client_id = :client)""",
            "update referral_draft set reason = null where clinic_id = :clinic and client_id = :client",
            // The pre-exercise answers are health data with nothing to count: they go whole.
            "delete from screening where clinic_id = :clinic and client_id = :client",
            "update clearance set note = '(erased)' where clinic_id = :clinic and client_id = :client",
            """
            update referral set reason = '(erased)', message = null, provider_findings = null,
                provider_recommendations = null, link_revoked_at = coalesce(link_revoked_at, now())
            where clinic_id = :clinic and client_id = :client""",
            // The provider's replies are free text about the client; the packet kept for the provider names them.
            """
            update referral_reply set findings = null, recommendations = null where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            """
            delete from referral_snapshot where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            // Nothing about an erased client is shared any more, not even an email still waiting to go out.
            """
            delete from referral_mail where clinic_id = :clinic and sent_at is null
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            """
            update referral_consent set revoked_at = now(), revoked_by = 'Erasure on request'
            where clinic_id = :clinic and client_id = :client and revoked_at is null""",
    };

    @Inject
    ClinicSql sql;

    /** Removes every free text written about the client (one statement per table). */
    void eraseFreeText(UUID clientId) {
        for (String statement : FREE_TEXT) {
            sql.query(statement).setParameter("client", clientId).executeUpdate();
        }
    }

    /** The client's invitations keep no address or name; a pending one is revoked. */
    void eraseInvitations(UUID userId, String name) {
        sql.query("""
                update invitation set email = 'erased@invalid', full_name = :name,
                    status = case when status = 'pending' then 'revoked' else status end
                where clinic_id = :clinic and user_id = :user""")
                .setParameter("name", name).setParameter("user", userId).executeUpdate();
    }
}
