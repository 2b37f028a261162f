package io.backline.clinic;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Keycloak's realm roles say what a person may be somewhere; this keeps only what they are in the clinic they
 * signed in to. An admin of one clinic who is a client of another is only a client there, and a deactivated person
 * keeps no Backline role. So {@code @RolesAllowed} answers for the current clinic everywhere.
 */
@ApplicationScoped
public class ClinicMembershipRoles implements SecurityIdentityAugmentor {
    static final String CLIENT_ROLE = "client";
    static final String ADMIN_ROLE = "clinic-admin";
    static final Set<String> BACKLINE_ROLES = Set.of(ADMIN_ROLE, "trainer", CLIENT_ROLE);

    @Inject
    ClinicMembershipQuery membership;
    @Inject
    MembershipCache cache;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getRoles().stream().noneMatch(BACKLINE_ROLES::contains)) {
            return Uni.createFrom().item(identity);
        }
        // Fails closed: a token whose subject cannot be checked against a clinic keeps no Backline role.
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Uni.createFrom().item(keepOnly(identity, Optional.empty()));
        }
        Optional<String> clinic = CurrentClinic.singleOrganization(TokenClaims.claim(token, CurrentClinic.ORGANIZATION_CLAIM));
        Optional<UUID> user = userId(token.getSubject());
        if (clinic.isEmpty() || user.isEmpty()) {
            return Uni.createFrom().item(keepOnly(identity, Optional.empty()));
        }
        // Checked on every request; known from the cache, the check costs no query and no hop to a worker thread.
        Optional<ClinicMember> known = cache.known(clinic.get(), user.get());
        if (known != null) {
            return Uni.createFrom().item(keepOnly(identity, known));
        }
        return context.runBlocking(() -> keepOnly(identity, read(clinic.get(), user.get())));
    }

    /** The identity with only the Backline roles its membership holds; none without one. */
    static SecurityIdentity keepOnly(SecurityIdentity identity, Optional<ClinicMember> member) {
        Set<String> held = member.map(ClinicMember::roles).orElse(Set.of());
        Set<String> kept = new HashSet<>();
        for (String role : identity.getRoles()) {
            if (!BACKLINE_ROLES.contains(role) || held.contains(role)) {
                kept.add(role);
            }
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(kept)
                .addPermissionChecker(identity::checkPermission);
        member.ifPresent(m -> builder.addAttribute(ClinicMember.ATTRIBUTE, m));
        return builder.build();
    }

    /** Read from the database, and kept unless a change was heard meanwhile. */
    Optional<ClinicMember> read(String clinicId, UUID userId) {
        long changesBefore = cache.changesSoFar();
        Optional<ClinicMember> member = membership.memberOf(clinicId, userId);
        cache.keep(clinicId, userId, member, changesBefore);
        return member;
    }

    private static Optional<UUID> userId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
