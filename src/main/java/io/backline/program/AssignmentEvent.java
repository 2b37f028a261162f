package io.backline.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A step in an assignment's history: assigned, changed, paused, resumed, ended. */
@Entity
public class AssignmentEvent extends ClinicOwned {
    public enum Kind {
        ASSIGNED, CHANGED, PAUSED, RESUMED, ENDED
    }

    @Id
    public UUID id;

    public UUID assignmentId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String reason;
    public UUID actorUserId;
    public Instant happenedAt;
    /** The client's calendar day it took effect (paused days prescribe no sessions). */
    public LocalDate effectiveOn;
}
