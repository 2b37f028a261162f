package io.backline.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.notify.EmailSwitch;

/** The statements Panache cannot say: an insert-if-none for the email, the switch, and the unsubscribe link's. */
@ApplicationScoped
public class NotificationQuery {
    /** The client to tell: their sign-in (to skip what they did themselves) and their address. */
    record Recipient(UUID userId, String email, boolean active) {
    }

    private static final String RECIPIENT = "select user_id, email, active from client where clinic_id = :clinic and id = ?";

    /** One waiting email per client (the unique index keeps a second out): a burst of changes sends one. */
    private static final String QUEUE_MAIL = """
            insert into notification_mail (id, clinic_id, client_id, recipient_email, send_after, created_at)
            select ?, :clinic, ?, ?, ?, ?
            where not exists (select 1 from notification_mail_off where clinic_id = :clinic and client_id = ?)
            on conflict do nothing""";

    private static final String EMAIL_OFF = """
            select count(*) from notification_mail_off where clinic_id = :clinic and client_id = ?""";
    private static final String TURN_OFF = """
            insert into notification_mail_off (clinic_id, client_id) values (:clinic, ?) on conflict do nothing""";
    private static final String TURN_ON = "delete from notification_mail_off where clinic_id = :clinic and client_id = ?";
    private static final String DROP_WAITING = """
            delete from notification_mail where clinic_id = :clinic and client_id = ? and sent_at is null""";
    private static final String MARK_ALL_READ = """
            update notification set read_at = ? where clinic_id = :clinic and client_id = ? and read_at is null""";

    private static final String SWITCH_STATE = """
            select c.name, not exists (select 1 from notification_mail_off o where o.clinic_id = x.clinic_id
                                       and o.client_id = x.id)
            from client x join clinic c on c.id = x.clinic_id where x.clinic_id = ? and x.id = ?""";
    private static final String LINK_TURN_OFF = """
            insert into notification_mail_off (clinic_id, client_id) values (?, ?) on conflict do nothing""";
    private static final String LINK_DROP_WAITING = """
            delete from notification_mail where clinic_id = ? and client_id = ? and sent_at is null""";

    @Inject
    ClinicSql sql;

    Optional<Recipient> recipient(UUID clientId) {
        return sql.list(RECIPIENT, row -> new Recipient(row.getObject(1, UUID.class), row.getString(2),
                row.getBoolean(3)), clientId).stream().findFirst();
    }

    void queueMail(UUID clientId, String email, Instant sendAfter, Instant now) {
        sql.update(QUEUE_MAIL, UUID.randomUUID(), clientId, email, sendAfter.atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC), clientId);
    }

    /** Whether the client gets the notification emails. */
    public boolean emailOn(UUID clientId) {
        return sql.list(EMAIL_OFF, row -> row.getLong(1), clientId).get(0) == 0;
    }

    void setEmail(UUID clientId, boolean on) {
        sql.update(on ? TURN_ON : TURN_OFF, clientId);
        if (!on) {
            sql.update(DROP_WAITING, clientId);
        }
    }

    void markAllRead(UUID clientId, Instant at) {
        sql.update(MARK_ALL_READ, at.atOffset(ZoneOffset.UTC), clientId);
    }

    /** The state an unsubscribe link shows; the link names its clinic, as no one is signed in. */
    Optional<EmailSwitch.State> switchState(String clinicId, UUID clientId) {
        // Across clinics: the signed link names the clinic; the client must be in it.
        return sql.listAcrossClinics(SWITCH_STATE, row -> new EmailSwitch.State(row.getString(1), row.getBoolean(2)),
                clinicId, clientId).stream().findFirst();
    }

    /** Turns the emails off from an unsubscribe link, and drops the one still waiting. */
    void turnOffByLink(String clinicId, UUID clientId) {
        // Across clinics: the signed link names the clinic, checked by switchState first.
        sql.updateAcrossClinics(LINK_TURN_OFF, clinicId, clientId);
        sql.updateAcrossClinics(LINK_DROP_WAITING, clinicId, clientId);
    }
}
