package io.backline.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One look at, or change to, a client's health data. Never updated or deleted (the database refuses). */
@Entity
@Immutable
public class AuditEvent extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    public UUID clientId;
    public UUID actorUserId;
    public String actorName;
    public String action;
    public String detail;
    public String requestId;
    public Instant happenedAt;
}
