package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step on a referral's timeline: who moved it to which status, when, and anything they said. */
@Entity
public class ReferralEvent extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID referralId;
    public String status;
    public String actorName;
    public String actorKind;
    public String note;
    public Instant happenedAt;
}
