package io.backline.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.backline.clinic.ClinicOwned;

/** One look at, or change to, a client's health data. Never updated or deleted (the database refuses). */
@Entity
@Immutable
public class AuditEvent extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    public UUID actorUserId;
    public String actorName;
    public String action;
    public String detail;
    public String requestId;
    public Instant happenedAt;
}
