package io.backline.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A client sent to a provider, followed until the loop closes: acknowledged, scheduled, completed — or declined. */
@Entity
public class Referral extends ClinicOwned {
    public enum Status {
        DRAFT("Draft"), SENT("Sent"), ACKNOWLEDGED("Acknowledged"), SCHEDULED("Scheduled"), COMPLETED("Completed"),
        DECLINED("Declined"), CANCELLED("Cancelled");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public boolean isClosed() {
            return this == COMPLETED || this == DECLINED || this == CANCELLED;
        }
    }

    public enum Urgency {
        ROUTINE("Routine"), SOON("Soon (within a week)"), URGENT("Urgent (within two days)");

        public final String label;

        Urgency(String label) {
            this.label = label;
        }
    }

    /** The provider's answer to "may the client go back to the program?" */
    public enum ResumeAnswer {
        CLEARED("Cleared to resume the program"),
        CLEARED_WITH_LIMITS("Cleared to resume, with limits (say which in the recommendations)"),
        NOT_CLEARED("Not cleared to resume");

        public final String label;

        ResumeAnswer(String label) {
            this.label = label;
        }

        public boolean clears() {
            return this != NOT_CLEARED;
        }
    }

    @Id
    public UUID id;

    public UUID clientId;
    public UUID providerId;
    public UUID createdBy;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String message;
    public boolean shareProgram;
    public boolean shareAdherence;
    public boolean shareSessions;
    public boolean shareFlags;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate appointmentOn;
    public String providerFindings;
    public String providerRecommendations;
    public String linkNonce;
    public Instant linkExpiresAt;
    public Instant linkRevokedAt;
    public Instant sentAt;
    public Instant acknowledgedAt;
    public Instant reminderSentAt;
    @Enumerated(EnumType.STRING)
    public ResumeAnswer resumeAnswer;
    public Instant resumeAnsweredAt;
    public UUID requestKey;
    public Instant createdAt;

    /** Sent, and not acknowledged within the clinic's number of days. */
    public boolean isOverdue(int ackDays) {
        return status == Status.SENT && sentAt != null && sentAt.plus(java.time.Duration.ofDays(ackDays)).isBefore(Instant.now());
    }

    public boolean sharesAnything() {
        return shareProgram || shareAdherence || shareSessions || shareFlags;
    }
}
