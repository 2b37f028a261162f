package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** The hand-over from a flag to a referral: which kind of provider to look for, and why. */
@Entity
public class ReferralDraft extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    public UUID flagId;
    public String suggestedSpecialty;
    public String reason;
    public UUID createdBy;
    public Instant createdAt;
}
