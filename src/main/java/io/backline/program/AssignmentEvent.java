package io.backline.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A step in an assignment's history: assigned, changed, paused, resumed, ended. */
@Entity
public class AssignmentEvent extends PanacheEntityBase {
    public enum Kind {
        ASSIGNED, CHANGED, PAUSED, RESUMED, ENDED
    }

    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID assignmentId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String reason;
    public UUID actorUserId;
    public Instant happenedAt;
    /** The client's calendar day it took effect (paused days prescribe no sessions). */
    public LocalDate effectiveOn;
}
