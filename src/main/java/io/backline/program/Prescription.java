package io.backline.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** One version of what a trainer prescribed: hold time per level, how many levels, how often, from when to when. */
@Entity
public class Prescription extends ClinicOwned {
    public static final int MIN_HOLD_SECONDS = 30;
    public static final int MAX_HOLD_SECONDS = 1800;

    @Id
    public UUID id;

    public UUID assignmentId;
    public int version;
    public int holdSeconds;
    public int levels;
    public int sessionsPerWeek;
    public LocalDate startDate;
    public LocalDate endDate;
    public String notes;
    public UUID createdBy;
    public Instant createdAt;

    /** "1 min 30 s", as people say it. */
    public String holdText() {
        return Durations.text(holdSeconds);
    }
}
