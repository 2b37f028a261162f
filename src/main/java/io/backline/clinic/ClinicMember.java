package io.backline.clinic;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who the signed-in person is in the clinic they signed in to, read once while their identity is built: the clinic
 * (a read-only copy of its row), their staff row and client row if they have one there, and the roles those rows
 * give. Pages read it from the identity instead of querying the same rows again on every request.
 */
public record ClinicMember(Clinic clinic, Optional<UUID> staffMemberId, Optional<UUID> clientId, Set<String> roles) {
    static final String ATTRIBUTE = "io.backline.clinic-member";

    public static Optional<ClinicMember> of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE) instanceof ClinicMember member ? Optional.of(member) : Optional.empty();
    }
}
