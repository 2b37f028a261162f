package io.backline.people;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.CurrentUser;
import io.backline.clinic.ClinicOwned;

/** A trainer or clinic admin, in one clinic. */
@Entity
public class StaffMember extends ClinicOwned {
    @Id
    public UUID id;

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

    /** The signed-in person's staff row in this clinic (empty for a client). */
    public static java.util.Optional<StaffMember> signedIn(CurrentUser user) {
        return user.staffMemberId().map(id -> StaffMember.<StaffMember> findById(id));
    }

    public static StaffMember findByUser(UUID userId) {
        return find("userId", userId).firstResult();
    }
}
