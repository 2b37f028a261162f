package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** The client's consent to share one referral's packet with its provider; revocable, and then nothing is shared. */
@Entity
public class ReferralConsent extends ClinicOwned {
    @Id
    public UUID id;

    public UUID referralId;
    public UUID clientId;
    /** CLIENT (in their own account) or STAFF (recorded by a trainer, with how it was given). */
    public String givenBy;
    public String method;
    public String recordedBy;
    public Instant givenAt;
    public Instant revokedAt;
    public String revokedBy;
    public Instant createdAt;

    public boolean isActive() {
        return revokedAt == null;
    }
}
