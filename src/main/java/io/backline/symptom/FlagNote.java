package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A step on a flag's timeline: acknowledged, a note, resolved, program resumed, referral drafted. */
@Entity
public class FlagNote extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID flagId;
    public UUID authorUserId;
    public String authorName;
    public String kind;
    public String text;
    public Instant writtenAt;
}
