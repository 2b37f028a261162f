package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The hand-over from a flag to a referral: which kind of provider to look for, and why. */
@Entity
public class ReferralDraft extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID clientId;
    public UUID flagId;
    public String suggestedSpecialty;
    public String reason;
    public UUID createdBy;
    public Instant createdAt;
}
