package io.backline.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A session a client checked off: the hold done at each level, how it felt. */
@Entity
public class SessionLog extends ClinicOwned {
    /** How a session felt, in the client's words. */
    public enum Feeling {
        EASY("Easy"), GOOD("Good"), INTENSE("Intense but fine"), HARD("Hard");

        public final String label;

        Feeling(String label) {
            this.label = label;
        }
    }

    @Id
    public UUID id;

    public UUID assignmentId;
    public UUID clientId;
    public LocalDate performedOn;
    public int[] holdSeconds;
    public int discomfort;
    public String feeling;
    public String note;
    public boolean worseOrUnsafe;
    public UUID idempotencyKey;
    public Instant recordedAt;
    public Instant correctedAt;

    public String feelingLabel() {
        try {
            return io.backline.web.i18n.Texts.get(io.backline.web.i18n.EnumTexts.key(Feeling.valueOf(feeling)));
        } catch (IllegalArgumentException e) {
            return feeling;
        }
    }

    public int totalHoldSeconds() {
        int total = 0;
        for (int seconds : holdSeconds) {
            total += seconds;
        }
        return total;
    }
}
