package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The client's consent to share one referral's packet with its provider; revocable, and then nothing is shared. */
@Entity
public class ReferralConsent extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

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
