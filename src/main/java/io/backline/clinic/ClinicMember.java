package io.backline.clinic;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who the signed-in person is in the clinic they signed in to, read once while their identity is built: the clinic
 * (a read-only copy of its row), their staff row and client row if they have one there, the roles those rows give,
 * and for staff the open symptom flags their badge shows on every page (their care teams' for a trainer, the whole
 * clinic's for an admin; 0 for a client), and the unread messages of the menus (from the clients they see for staff,
 * from the care team for a client), a client's unread notifications, and the language a client's emails are written
 * in. Pages read it from the identity instead of querying again on every request.
 */
public record ClinicMember(Clinic clinic, Optional<UUID> staffMemberId, Optional<UUID> clientId, Set<String> roles,
        long openFlags, long unreadAsStaff, long unreadAsClient, long unreadNotifications, Optional<String> clientLanguage) {
    static final String ATTRIBUTE = "io.backline.clinic-member";

    public static Optional<ClinicMember> of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE) instanceof ClinicMember member ? Optional.of(member) : Optional.empty();
    }
}
