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
    /**
     * Free text about the client, and every name written next to it, per table; each names the clinic and
     * {@code :client}. Categorical columns (levels, types, statuses) stay: they are what the counts are made of.
     * ErasureLeavesNoTraceTest reads the tables and columns that hold a client from the catalog and fails on one
     * left out here.
     */
    private static final String[] FREE_TEXT = {
            "update session_log set note = null where clinic_id = :clinic and client_id = :client",
            "update symptom_flag set description = null where clinic_id = :clinic and client_id = :client",
            // A note's author may be the client; the audit trail keeps who acted.
            """
            update flag_note set text = null, author_name = '(erased)' where clinic_id = :clinic
                and flag_id in (select id from symptom_flag where clinic_id = :clinic and client_id = :client)""",
            // Alerts about the client's flags: one still waiting is not sent, one sent keeps no address.
            """
            delete from alert_outbox where clinic_id = :clinic
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
            """
            update clearance set note = '(erased)', professional_name = '(erased)', recorded_by_name = '(erased)'
            where clinic_id = :clinic and client_id = :client""",
            """
            update referral set reason = '(erased)', message = null, provider_findings = null,
                provider_recommendations = null, link_revoked_at = coalesce(link_revoked_at, now())
            where clinic_id = :clinic and client_id = :client""",
            // The timeline's notes hold cancel and decline reasons; its names include the client's own.
            """
            update referral_event set note = null, actor_name = '(erased)' where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            // The provider's replies are free text about the client; the packet kept for the provider names them.
            """
            update referral_reply set findings = null, recommendations = null, provider_name = '(erased)'
            where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            """
            delete from referral_snapshot where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            // Nothing about an erased client is shared any more, not even an email still waiting to go out; sent ones
            // keep no address, subject or link.
            """
            delete from referral_mail where clinic_id = :clinic
                and referral_id in (select id from referral where clinic_id = :clinic and client_id = :client)""",
            """
            update referral_consent set recorded_by = '(erased)',
                revoked_by = case when revoked_at is null then 'Erasure on request' else '(erased)' end,
                revoked_at = coalesce(revoked_at, now())
            where clinic_id = :clinic and client_id = :client""",
            // The calendar address opens nothing once erased.
            "delete from calendar_feed where clinic_id = :clinic and client_id = :client",
            // The conversation is health data with nothing to count: it goes whole, with who read it and the client's
            // waiting "new message" email.
            "delete from message where clinic_id = :clinic and client_id = :client",
            "delete from message_read where clinic_id = :clinic and client_id = :client",
            """
            delete from message_mail where clinic_id = :clinic
                and recipient_user_id = (select user_id from client where clinic_id = :clinic and id = :client)""",
            """
            delete from message_mail_off where clinic_id = :clinic
                and user_id = (select user_id from client where clinic_id = :clinic and id = :client)""",
            // Reminders: none goes out any more, and the sent ones keep no address.
            "delete from reminder_outbox where clinic_id = :clinic and client_id = :client",
            "delete from reminder_settings where clinic_id = :clinic and client_id = :client",
            // Notifications name only a kind, but their email holds the address: all go, with the client's switch.
            "delete from notification where clinic_id = :clinic and client_id = :client",
            "delete from notification_mail where clinic_id = :clinic and client_id = :client",
            "delete from notification_mail_off where clinic_id = :clinic and client_id = :client",
            // An invitation names the person it was for; a pending one is revoked.
            """
            update invitation set email = 'erased@invalid', full_name = 'Erased client', invited_by_name = '(erased)',
                status = case when status = 'pending' then 'revoked' else status end
            where clinic_id = :clinic and role = 'client' and person_id = :client""",
    };

    @Inject
    ClinicSql sql;

    /** Removes every free text and name written about the client, in the caller's transaction. */
    void eraseFreeText(UUID clientId) {
        for (String statement : FREE_TEXT) {
            sql.query(statement).setParameter("client", clientId).executeUpdate();
        }
    }
}
