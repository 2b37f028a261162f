package io.backline.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A client's calendar address; only the SHA-256 of its secret is kept (V19). */
@Entity
public class CalendarFeed extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    public String tokenHash;
    public Instant createdAt;
    public Instant revokedAt;
    public LocalDate lastReadOn;
}
