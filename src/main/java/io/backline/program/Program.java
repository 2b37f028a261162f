package io.backline.program;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** A clinic's program; its content lives in immutable {@link ProgramVersion}s. */
@Entity
public class Program extends ClinicOwned {
    @Id
    public UUID id;

    /** Set on the clinic's copy of a built-in program, which stays read-only. */
    public String builtInKey;

    public java.time.Instant createdAt;

    public boolean isBuiltIn() {
        return builtInKey != null;
    }
}
