package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** One reply a provider sent through the link; a later reply is kept beside it, never written over it. */
@Entity
public class ReferralReply extends ClinicOwned {
    @Id
    public UUID id;

    public UUID referralId;
    public String providerName;
    public String findings;
    public String recommendations;
    @Enumerated(EnumType.STRING)
    public Referral.ResumeAnswer resumeAnswer;
    public boolean completed;
    public Instant receivedAt;
}
