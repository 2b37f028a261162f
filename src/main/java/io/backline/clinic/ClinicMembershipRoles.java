package io.backline.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

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
    static final Set<String> BACKLINE_ROLES = Set.of("clinic-admin", "trainer", "client");

    /*
     * Plain JDBC with the clinic named explicitly: this runs while the identity is being built, before the request's
     * clinic (and so Hibernate's tenant filter) can be known.
     */
    private static final String MEMBERSHIP = """
            select role from staff_member where clinic_id = ? and user_id = ? and active
            union all
            select 'client' from client where clinic_id = ? and user_id = ? and active""";

    @Inject
    DataSource dataSource;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null || identity.getRoles().stream().noneMatch(BACKLINE_ROLES::contains)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> clinic = CurrentClinic.singleOrganization(token.getClaim(CurrentClinic.ORGANIZATION_CLAIM));
        return context.runBlocking(() -> {
            Set<String> held = clinic.map(id -> rolesIn(id, token.getSubject())).orElse(Set.of());
            Set<String> kept = new HashSet<>();
            for (String role : identity.getRoles()) {
                if (!BACKLINE_ROLES.contains(role) || held.contains(role)) {
                    kept.add(role);
                }
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRoles(kept)
                    .addPermissionChecker(identity::checkPermission)
                    .build();
        });
    }

    private Set<String> rolesIn(String clinicId, String subject) {
        UUID userId;
        try {
            userId = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(MEMBERSHIP)) {
            statement.setString(1, clinicId);
            statement.setObject(2, userId);
            statement.setString(3, clinicId);
            statement.setObject(4, userId);
            Set<String> roles = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            return roles;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read clinic membership", e);
        }
    }
}
