package io.backline.program;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's program; its content lives in immutable {@link ProgramVersion}s. */
@Entity
public class Program extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    /** Set on the clinic's copy of a built-in program, which stays read-only. */
    public String builtInKey;

    public java.time.Instant createdAt;

    public boolean isBuiltIn() {
        return builtInKey != null;
    }
}
