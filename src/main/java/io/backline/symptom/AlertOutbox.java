package io.backline.symptom;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** An alert email waiting to go out (or sent); written with its flag in one transaction. */
@Entity
public class AlertOutbox extends OutboxEmail {
    public enum Urgency {
        URGENT, NORMAL, ESCALATION
    }

    @Id
    public UUID id;

    public UUID flagId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Urgency urgency;
}
