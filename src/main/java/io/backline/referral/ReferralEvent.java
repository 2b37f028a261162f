package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** One step on a referral's timeline: who moved it to which status, when, and anything they said. */
@Entity
public class ReferralEvent extends ClinicOwned {
    @Id
    public UUID id;

    public UUID referralId;
    public String status;
    public String actorName;
    public String actorKind;
    public String note;
    public Instant happenedAt;

    /** The status in the reader's language, in lower case: "sent", "enviada". */
    public String statusWord() {
        return io.backline.web.i18n.Texts.get("Referral.Status." + status).toLowerCase(java.util.Locale.ROOT);
    }
}
