package io.backline.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Realm roles say what someone may be somewhere; without a membership that can be checked, they are nothing here. */
class ClinicMembershipRolesTest {
    private static final AuthenticationRequestContext NOW = work -> Uni.createFrom().item(work.get());
    private static final Set<String> REALM_ROLES = Set.of("clinic-admin", "trainer", "client", "offline_access");

    private final ClinicMembershipRoles augmentor = new ClinicMembershipRoles();

    @Test
    void aTokenWithoutASubjectKeepsNoBacklineRole() {
        assertEquals(Set.of("offline_access"), rolesAfterAugment(token(Map.of("organization", "[\"ridgeline\"]"))));
    }

    @Test
    void aTokenWithoutAClinicKeepsNoBacklineRole() {
        assertEquals(Set.of("offline_access"),
                rolesAfterAugment(token(Map.of("sub", "7c9e6679-7425-40de-944b-e07fc1f90ae7"))));
    }

    @Test
    void aPrincipalThatIsNoTokenKeepsNoBacklineRole() {
        Principal someone = () -> "someone";
        assertEquals(Set.of("offline_access"), rolesAfterAugment(someone));
    }

    private Set<String> rolesAfterAugment(Principal principal) {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(REALM_ROLES)
                .build();
        return augmentor.augment(identity, NOW).await().indefinitely().getRoles();
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
