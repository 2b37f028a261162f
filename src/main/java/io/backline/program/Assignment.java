package io.backline.program;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A program version given to one client; its prescription is versioned in {@link Prescription}. */
@Entity
public class Assignment extends ClinicOwned {
    public enum Status {
        ACTIVE, PAUSED, ENDED
    }

    @Id
    public UUID id;

    public UUID clientId;
    public UUID programId;
    public UUID programVersionId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID requestKey;
    public UUID createdBy;
    public Instant createdAt;
    public Instant endedAt;
    /*
     * Raised by the database whenever this assignment's prescriptions, pauses or sessions change (V11's and V13's
     * triggers), so computed adherence can be reused until then. Read-only here: writing back a loaded value would
     * undo a rise.
     */
    @Column(insertable = false, updatable = false)
    public long historyVersion;

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isPaused() {
        return status == Status.PAUSED;
    }

    public boolean isEnded() {
        return status == Status.ENDED;
    }
}
