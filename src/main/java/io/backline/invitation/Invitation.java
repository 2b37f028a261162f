package io.backline.invitation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;
import io.quarkus.panache.common.Parameters;

/** An invitation to join one clinic as an admin, a trainer or a client; pending until the person first signs in. */
@Entity
public class Invitation extends ClinicOwned {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REVOKED = "revoked";

    @Id
    public UUID id;

    public String email;
    public String fullName;
    public String role;
    /** The Keycloak account. */
    public UUID userId;
    /** The staff member or client row made for this person. */
    public UUID personId;
    public boolean newAccount;
    public String status;
    public UUID invitedBy;
    public String invitedByName;
    public Instant createdAt;
    public Instant lastSentAt;
    public int timesSent;
    public UUID requestKey;

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public String roleLabel() {
        return switch (role) {
            case "clinic-admin" -> "Clinic admin";
            case "trainer" -> "Trainer";
            default -> "Client";
        };
    }

    public static Optional<Invitation> pendingFor(String email) {
        return find("status = :pending and lower(email) = :email",
                Parameters.with("pending", PENDING).and("email", email.toLowerCase())).firstResultOptional();
    }

    public static Optional<Invitation> byRequestKey(UUID requestKey) {
        return find("requestKey", requestKey).firstResultOptional();
    }
}
