package io.backline.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.config.BacklineConfig;
import io.backline.program.AssignmentChanged;
import io.backline.referral.ConsentRequested;
import io.backline.symptom.FlagAcknowledged;
import io.backline.symptom.FlagNoteShared;

/**
 * Tells the client what their care team did, in the transaction that did it (events from program, referral and
 * symptom, docs/adr/0028): a row in their list, and an email that waits a while so that a burst sends one. What the
 * client did themselves (a red flag that paused their own program) is not announced back to them.
 */
@ApplicationScoped
public class NotificationService {
    private static final int SHOWN = 50;

    @Inject
    NotificationQuery query;
    @Inject
    BacklineConfig config;
    @Inject
    Clock clock;

    void onProgram(@Observes AssignmentChanged changed) {
        Notification.Kind kind = switch (changed.kind()) {
            case PAUSED -> Notification.Kind.PROGRAM_PAUSED;
            case RESUMED -> Notification.Kind.PROGRAM_RESUMED;
            case CHANGED -> Notification.Kind.PROGRAM_CHANGED;
            case ENDED -> Notification.Kind.PROGRAM_ENDED;
            case ASSIGNED -> null;
        };
        if (kind != null) {
            raise(changed.clientId(), kind, null, changed.actorUserId());
        }
    }

    void onConsentRequested(@Observes ConsentRequested requested) {
        raise(requested.clientId(), Notification.Kind.CONSENT_REQUESTED, requested.referralId(), null);
    }

    void onAcknowledged(@Observes FlagAcknowledged acknowledged) {
        raise(acknowledged.clientId(), Notification.Kind.REPORT_ANSWERED, acknowledged.flagId(),
                acknowledged.actorUserId());
    }

    void onNoteShared(@Observes FlagNoteShared note) {
        raise(note.clientId(), Notification.Kind.NOTE_SHARED, note.flagId(), note.authorUserId());
    }

    private void raise(UUID clientId, Notification.Kind kind, UUID subjectId, UUID actorUserId) {
        Optional<NotificationQuery.Recipient> recipient = query.recipient(clientId);
        if (recipient.isEmpty() || (actorUserId != null && actorUserId.equals(recipient.get().userId()))) {
            return;
        }
        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.clientId = clientId;
        notification.kind = kind;
        notification.subjectId = subjectId;
        notification.createdAt = now;
        notification.persist();
        String email = recipient.get().email();
        if (recipient.get().active() && email != null && !email.isBlank()) {
            query.queueMail(clientId, email, now.plus(config.notifications().batch()), now);
        }
    }

    /** A notification as the list shows it, copied before the list marks it read. */
    public record Row(UUID id, Notification.Kind kind, Instant createdAt, boolean unread) {
    }

    /** The client's latest notifications, newest first. */
    public List<Row> latest(UUID clientId) {
        return Notification.<Notification> find("clientId = ?1 order by createdAt desc, id", clientId).page(0, SHOWN)
                .stream().map(n -> new Row(n.id, n.kind, n.createdAt, n.isUnread())).toList();
    }

    /** One of the client's own notifications, marked read; empty when it is not theirs (or not this clinic's). */
    @Transactional
    public Optional<Notification> open(UUID clientId, UUID id) {
        Optional<Notification> found = Notification.<Notification> find("id = ?1 and clientId = ?2", id, clientId)
                .firstResultOptional();
        found.filter(Notification::isUnread).ifPresent(notification -> notification.readAt = clock.instant());
        return found;
    }

    @Transactional
    public void markAllRead(UUID clientId) {
        query.markAllRead(clientId, clock.instant());
    }

    @Transactional
    public void setEmail(UUID clientId, boolean on) {
        query.setEmail(clientId, on);
    }

    public boolean emailOn(UUID clientId) {
        return query.emailOn(clientId);
    }
}
