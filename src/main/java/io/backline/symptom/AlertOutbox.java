package io.backline.symptom;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** An alert email waiting to go out (or sent); written with its flag in one transaction. */
@Entity
public class AlertOutbox extends ClinicOwned {
    public enum Urgency {
        URGENT, NORMAL, ESCALATION
    }

    @Id
    public UUID id;

    public UUID flagId;
    public String recipientEmail;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Urgency urgency;
    public Instant sendAfter;
    public int attempts;
    public String lastError;
    public Instant sentAt;
    public Instant createdAt;
}
