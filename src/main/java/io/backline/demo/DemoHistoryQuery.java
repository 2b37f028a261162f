package io.backline.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * Clears the demo clients' history before it is built again: every row the builder writes (and whatever someone did
 * to these clients in an earlier dev session), children before parents. The clients, their care teams and screenings
 * stay: db/demo owns them. The audit trail stays too: it cannot be changed, and it is not history to rebuild.
 */
@ApplicationScoped
class DemoHistoryQuery {
    private static final String REFERRALS = "(select id from referral where clinic_id = :clinic and client_id in (:clients))";
    private static final String FLAGS = "(select id from symptom_flag where clinic_id = :clinic and client_id in (:clients))";
    private static final String ASSIGNMENTS = "(select id from assignment where clinic_id = :clinic and client_id in (:clients))";

    private static final List<String> DELETES = List.of(
            "delete from notification where clinic_id = :clinic and client_id in (:clients)",
            "delete from notification_mail where clinic_id = :clinic and client_id in (:clients)",
            "delete from message_read where clinic_id = :clinic and client_id in (:clients)",
            "delete from message where clinic_id = :clinic and client_id in (:clients)",
            "delete from referral_reply where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from referral_event where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from referral_snapshot where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from referral_mail where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from referral_consent where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from referral_flag where clinic_id = :clinic and referral_id in " + REFERRALS,
            "delete from clearance where clinic_id = :clinic and client_id in (:clients)",
            "delete from referral where clinic_id = :clinic and client_id in (:clients)",
            "delete from referral_draft where clinic_id = :clinic and client_id in (:clients)",
            "delete from flag_note where clinic_id = :clinic and flag_id in " + FLAGS,
            "delete from alert_outbox where clinic_id = :clinic and flag_id in " + FLAGS,
            "delete from symptom_flag where clinic_id = :clinic and client_id in (:clients)",
            "delete from session_log where clinic_id = :clinic and client_id in (:clients)",
            "delete from assignment_event where clinic_id = :clinic and assignment_id in " + ASSIGNMENTS,
            "delete from prescription where clinic_id = :clinic and assignment_id in " + ASSIGNMENTS,
            "delete from assignment where clinic_id = :clinic and client_id in (:clients)",
            "delete from reminder_outbox where clinic_id = :clinic and client_id in (:clients)",
            "delete from reminder_settings where clinic_id = :clinic and client_id in (:clients)");

    private static final String MARK_READ = """
            insert into message_read (clinic_id, client_id, user_id, read_at) values (:clinic, ?, ?, ?)
            on conflict (clinic_id, user_id, client_id) do update set read_at = excluded.read_at""";

    @Inject
    ClinicSql sql;

    /** In the caller's transaction; Hibernate flushes what it holds before each statement. */
    void clear(List<UUID> clients, List<UUID> invitations) {
        for (String statement : DELETES) {
            sql.query(statement).setParameter("clients", clients).executeUpdate();
        }
        sql.query("delete from invitation where clinic_id = :clinic and id in (:ids)").setParameter("ids", invitations)
                .executeUpdate();
    }

    /** The update emails the care team's demo actions queued count as sent: a dev start emails no one. */
    void settleNotificationMail(List<UUID> clients) {
        sql.query("update notification_mail set sent_at = now() where clinic_id = :clinic and client_id in (:clients)"
                + " and sent_at is null").setParameter("clients", clients).executeUpdate();
    }

    /** What this reader has seen of the client's conversation. */
    void markRead(UUID clientId, UUID userId, Instant at) {
        sql.update(MARK_READ, clientId, userId, at.atOffset(ZoneOffset.UTC));
    }
}
