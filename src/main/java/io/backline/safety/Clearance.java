package io.backline.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A health professional cleared the client to exercise again, as a trainer recorded it or a provider answered. */
@Entity
public class Clearance extends ClinicOwned {
    /** Who may clear a client: professionals who can examine the spine and chest. */
    public enum Role {
        PHYSICIAN("Physician"),
        NURSE_PRACTITIONER("Nurse practitioner"),
        PHYSICIAN_ASSISTANT("Physician assistant"),
        PHYSICAL_THERAPIST("Physical therapist"),
        CHIROPRACTOR("Chiropractor");

        public final String label;

        Role(String label) {
            this.label = label;
        }
    }

    @Id
    public UUID id;

    public UUID clientId;
    public UUID referralId;
    public String professionalName;
    @Enumerated(EnumType.STRING)
    public Role professionalRole;
    public LocalDate clearedOn;
    public boolean withLimits;
    public String note;
    public UUID recordedBy;
    public String recordedByName;
    public Instant recordedAt;
    public UUID requestKey;
}
