package io.backline.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.backline.clinic.ClinicOwned;

/**
 * One look at, or change to, a client's health data or the clinic's people and settings. Never updated or deleted
 * (the database refuses), and chained to the clinic's previous entry by its hash (docs/adr/0036). Read from the whole
 * trail: a look still waiting to be chained is here too, without a {@code seq} (docs/adr/0047).
 */
@Entity
@Immutable
@Table(name = "audit_trail")
public class AuditEvent extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    public String subjectKind;
    public String subjectId;
    /** The entry's place in the clinic's chain; null while a look waits to be chained. */
    public Long seq;
    public UUID actorUserId;
    public String actorName;
    public String action;
    public String detail;
    public String requestId;
    public Instant happenedAt;

    /** The admin page's word for what the entry is about. */
    public String subjectLabel() {
        return AuditSubject.Kind.of(subjectKind).label;
    }

    public boolean chained() {
        return seq != null;
    }

    public boolean aboutClient() {
        return clientId != null;
    }

    /** The action in the reader's language (the client's own pages); the admin's audit page shows it as stored. */
    public String shownAction() {
        return AuditTrail.shownAction(action);
    }

    public String shownActor() {
        return AuditTrail.shownActor(actorName);
    }
}
