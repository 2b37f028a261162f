package io.backline.clinic;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who the signed-in person is in the clinic they signed in to: the clinic (a read-only copy of its row), their staff
 * row and client row if they have one there, the roles those rows give, and the language a client's emails are
 * written in. Read while the identity is built, from {@link MembershipCache} or with one statement; pages read it
 * from the identity instead of querying again. The menu's counts are kept apart, per clinic: {@link BadgeCache}.
 */
public record ClinicMember(Clinic clinic, Optional<UUID> staffMemberId, Optional<UUID> clientId, Set<String> roles,
        Optional<String> clientLanguage) {
    static final String ATTRIBUTE = "io.backline.clinic-member";

    public static Optional<ClinicMember> of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE) instanceof ClinicMember member ? Optional.of(member) : Optional.empty();
    }
}
