package io.backline.clinic;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import io.backline.web.NoClinicException;

/**
 * The clinic this request works for. It comes only from the verified token's {@code organization} claim (requested
 * with the {@code organization} scope), never from a URL, header or form field. Work outside an HTTP request
 * (schedulers, outbox) activates a request context and names its clinic with {@link #workFor(String)}.
 */
@RequestScoped
public class CurrentClinic {
    static final String ORGANIZATION_CLAIM = "organization";

    private final SecurityIdentity identity;
    private String explicitClinicId;
    private Optional<String> fromToken;

    @Inject
    public CurrentClinic(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The clinic id, or empty when the caller is anonymous or belongs to no single clinic. */
    public Optional<String> id() {
        if (explicitClinicId != null) {
            return Optional.of(explicitClinicId);
        }
        if (fromToken == null) {
            // Read once per request: every Hibernate session asks.
            fromToken = identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) ? Optional.empty()
                    : singleOrganization(TokenClaims.claim(token, ORGANIZATION_CLAIM));
        }
        return fromToken;
    }

    public String requireId() {
        return id().orElseThrow(NoClinicException::new);
    }

    /** For background work: everything this request context reads or writes belongs to that clinic. */
    public void workFor(String clinicId) {
        this.explicitClinicId = clinicId;
    }

    static Optional<String> singleOrganization(Object claim) {
        // The claim is a JSON array of organization aliases; Keycloak asks a member of several to pick one at sign-in.
        if (claim instanceof Collection<?> aliases && aliases.size() == 1) {
            return Optional.of(unquote(aliases.iterator().next().toString()));
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
