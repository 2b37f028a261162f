package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A symptom a client reported (or a trainer recorded for them), with the decision the rules took. */
@Entity
public class SymptomFlag extends ClinicOwned {
    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED
    }

    /** The report form (a client's), the check-off's tick, or a staff member recording what a client told them. */
    public enum Source {
        FORM, CHECK_OFF, STAFF
    }

    @Id
    public UUID id;

    public UUID clientId;
    public UUID assignmentId;
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public FlagRules.Type type;
    public int severity;
    @Enumerated(EnumType.STRING)
    public FlagRules.Region region;
    @Enumerated(EnumType.STRING)
    public FlagRules.When occurred;
    public boolean lossOfBalance;
    /** The red-flag signs ticked, by name (see {@link FlagRules.Sign}). */
    public String[] signs = new String[0];
    @Enumerated(EnumType.STRING)
    public Source source;
    public boolean seePhysician;
    public Instant detailedAt;
    public UUID detailRequestKey;
    public Integer painBefore;
    public String description;
    @Enumerated(EnumType.STRING)
    public FlagRules.Level level;
    public String explanation;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean pausedAssignment;
    public UUID reportedBy;
    public boolean reportedByStaff;
    public UUID requestKey;
    public Instant reportedAt;
    public Instant acknowledgedAt;
    public UUID acknowledgedBy;
    public Instant resolvedAt;
    public UUID resolvedBy;
    public Instant escalatedAt;

    public boolean isUrgent() {
        return level == FlagRules.Level.EMERGENCY || level == FlagRules.Level.RED;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isAcknowledged() {
        return status == Status.ACKNOWLEDGED;
    }

    public boolean isResolved() {
        return status == Status.RESOLVED;
    }

    public java.util.List<FlagRules.Sign> signList() {
        return java.util.List.copyOf(FlagRules.Sign.of(signs));
    }

    /** The flag a check-off's tick raised for this session of this client, if it did. */
    public static java.util.Optional<SymptomFlag> tickOf(UUID sessionId, UUID clientId) {
        return SymptomFlag.<SymptomFlag> find("sessionId = ?1 and clientId = ?2 and source = ?3", sessionId, clientId,
                Source.CHECK_OFF).firstResultOptional();
    }

    /** A tick from the check-off that the client has not yet described. */
    public boolean awaitsDetail() {
        return source == Source.CHECK_OFF && detailedAt == null;
    }

    public boolean isEmergency() {
        return level == FlagRules.Level.EMERGENCY;
    }

    public String levelName() {
        return level.word();
    }
}
