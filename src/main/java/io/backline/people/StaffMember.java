package io.backline.people;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A trainer or clinic admin, in one clinic. */
@Entity
public class StaffMember extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    /** The Keycloak subject. */
    public UUID userId;
    public String fullName;
    public String email;
    public String role;
    public boolean active;
    public java.time.Instant deactivatedAt;

    public boolean isTrainer() {
        return CurrentUser.TRAINER.equals(role);
    }

    public String roleLabel() {
        return CurrentUser.ADMIN.equals(role) ? "Clinic admin" : "Trainer";
    }

    public static StaffMember findByUser(UUID userId) {
        return find("userId", userId).firstResult();
    }
}
