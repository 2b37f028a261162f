package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/**
 * What the provider is shown, kept as it was when the referral was sent: the client consented to share exactly
 * this, so nothing recorded later reaches the provider. Erasure deletes it.
 */
@Entity
public class ReferralSnapshot extends ClinicOwned {
    @Id
    public UUID referralId;

    public String clientName;
    /** The {@link ReferralPacket.Packet} as JSON. */
    public String packet;
    public Instant takenAt;
}
