package io.backline.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/**
 * Something the care team did that the client should know of. It holds only its kind and the referral or flag it is
 * about; the page it links to shows the rest, to the signed-in client.
 */
@Entity
public class Notification extends ClinicOwned {
    public enum Kind {
        CONSENT_REQUESTED, PROGRAM_PAUSED, PROGRAM_RESUMED, PROGRAM_CHANGED, PROGRAM_ENDED, REPORT_ANSWERED, NOTE_SHARED
    }

    @Id
    public UUID id;

    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** The referral (consent) or the flag (a reply to the report) it is about; null for the program's changes. */
    public UUID subjectId;
    public Instant createdAt;
    public Instant readAt;

    public boolean isUnread() {
        return readAt == null;
    }
}
