package io.backline.keycloak;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.backline.config.BacklineConfig;

/**
 * Backline's side of Keycloak's admin API, through the {@code backline-admin} service account: accounts, clinic
 * (organization) memberships and realm roles. Keycloak stays the only place that knows passwords; Backline never
 * sees one. It also reads Keycloak's record of sign-ins, for the clinic admins' Sign-ins page.
 */
@ApplicationScoped
public class KeycloakAccounts {
    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);

    private static final int ORGANIZATIONS_PAGE = 100;
    private static final List<String> SIGN_IN_TYPES = List.of("LOGIN", "LOGIN_ERROR");

    /** Organization ids by alias: Keycloak never changes either, so losing this map only costs one lookup. */
    private final Map<String, String> organizationIds = new ConcurrentHashMap<>();

    @Inject
    BacklineConfig config;
    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;



    public Optional<UUID> findByEmail(String email) {
        List<UserRepresentation> found = call("look the account up", () -> realm().users().searchByEmail(email, true));
        return found.stream().findFirst().map(user -> UUID.fromString(user.getId()));
    }

    /** A new, enabled account with no password yet: the emailed link lets its owner choose one. */
    public UUID create(String email, String fullName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        int space = fullName.lastIndexOf(' ');
        user.setFirstName(space > 0 ? fullName.substring(0, space) : fullName);
        user.setLastName(space > 0 ? fullName.substring(space + 1) : "");
        try (Response response = call("create the account", () -> realm().users().create(user))) {
            if (response.getStatus() == 409) {
                // Someone created it between our search and now: use theirs.
                return findByEmail(email).orElseThrow(() -> new KeycloakUnavailable("Keycloak refused the account"));
            }
            expect(response, "create the account");
            String location = response.getLocation().getPath();
            return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        }
    }

    public void joinClinic(UUID userId, String clinicId) {
        try (Response response = call("add the clinic membership",
                () -> realm().organizations().get(organizationId(clinicId)).members().addMember(userId.toString()))) {
            if (response.getStatus() != 409) { // 409: already a member, which is what we want
                expect(response, "add the clinic membership");
            }
        }
    }

    public void leaveClinic(UUID userId, String clinicId) {
        try (Response response = call("remove the clinic membership",
                () -> realm().organizations().get(organizationId(clinicId)).members().member(userId.toString()).delete())) {
            if (response.getStatus() != 404) { // already gone
                expect(response, "remove the clinic membership");
            }
        }
    }

    /** Whether anyone can sign in with the account yet: an invited person chooses a password through the emailed link. */
    public boolean hasPassword(UUID userId) {
        return !call("list the account's credentials", () -> realm().users().get(userId.toString()).credentials()).isEmpty();
    }

    public boolean belongsToAnyClinic(UUID userId) {
        return !call("list the account's clinics", () -> {
            try {
                return realm().organizations().members().getOrganizations(userId.toString(), true);
            } catch (NotFoundException e) {
                return List.<OrganizationRepresentation> of(); // the account is gone: an earlier try deleted it
            }
        }).isEmpty();
    }

    /**
     * The role is looked up among those the account may still be given, not among the realm's roles, which would take
     * view-realm: the service account holds no realm-wide role (docs/adr/0034).
     */
    public void grantRole(UUID userId, String role) {
        call("grant the role", () -> {
            var mapping = realm().users().get(userId.toString()).roles().realmLevel();
            var available = mapping.listAvailable().stream().filter(r -> role.equals(r.getName())).findFirst();
            if (available.isPresent()) {
                mapping.add(List.of(available.get()));
            } else if (mapping.listAll().stream().noneMatch(r -> role.equals(r.getName()))) {
                throw new KeycloakUnavailable("Keycloak has no realm role " + role);
            }
            return null;
        });
    }

    /**
     * Keycloak's "set your password" email, whose link leads back to Backline once the password is set. The theme's
     * template reads who invited the person, to which clinic and until when from the account's invitation attributes,
     * which only admins may see or change (deploy/keycloak/themes/backline, docs/adr/0044).
     */
    public void sendInvitationEmail(UUID userId, InvitationEmail email) {
        call("note the invitation on the account", () -> {
            var account = realm().users().get(userId.toString());
            UserRepresentation user = account.toRepresentation();
            Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
            attributes.putAll(email.attributes());
            user.setAttributes(attributes);
            account.update(user);
            return null;
        });
        call("send the set-password email", () -> {
            realm().users().get(userId.toString()).executeActionsEmail("backline-web", config.baseUrl() + "/",
                    (int) email.linkLifespan().toSeconds(), List.of("UPDATE_PASSWORD"));
            return null;
        });
    }

    public void delete(UUID userId) {
        try (Response response = call("delete the account", () -> realm().users().delete(userId.toString()))) {
            if (response.getStatus() != 404) {
                expect(response, "delete the account");
            }
        }
    }

    /**
     * Sign-ins and failed sign-ins of everyone in the realm, newest first, {@code max} of them after skipping
     * {@code first}. Keycloak filters by one user at a time only, so the caller keeps its own people.
     */
    public List<SignInEvent> signIns(int first, int max) {
        return call("read the sign-ins", () -> realm().getEvents(SIGN_IN_TYPES, null, null, null, null, null, first, max))
                .stream().map(SignInEvent::of).toList();
    }

    /** How long Keycloak keeps sign-ins, or empty when it keeps them until someone deletes them. */
    public Optional<Duration> signInRetention() {
        Long seconds = call("read how long sign-ins are kept", () -> realm().getRealmEventsConfig().getEventsExpiration());
        return seconds == null || seconds <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private String organizationId(String clinicId) {
        return organizationIds.computeIfAbsent(clinicId, alias -> organizationIdByAlias(alias)
                .orElseThrow(() -> new KeycloakUnavailable("Keycloak has no organization for clinic " + alias)));
    }

    /*
     * Keycloak lists organizations a page at a time, ten unless asked for more, and its search matches names, not
     * aliases: so read every page. Once per clinic and instance (the map above).
     */
    private Optional<String> organizationIdByAlias(String alias) {
        for (int first = 0;; first += ORGANIZATIONS_PAGE) {
            int from = first;
            List<OrganizationRepresentation> page = call("list the clinics",
                    () -> realm().organizations().list(from, ORGANIZATIONS_PAGE));
            Optional<String> id = page.stream().filter(organization -> alias.equals(organization.getAlias()))
                    .map(OrganizationRepresentation::getId).findFirst();
            if (id.isPresent() || page.size() < ORGANIZATIONS_PAGE) {
                return id;
            }
        }
    }

    /**
     * One exchange with Keycloak. Whatever goes wrong on the way (an error status, a refused connection, no answer
     * within the admin client's read timeout) becomes {@link KeycloakUnavailable}, which the pages turn into "try
     * again" rather than an error of their own: a 404 from Keycloak is not a page that was not found.
     */
    private static <T> T call(String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (WebApplicationException e) {
            throw refused(e.getResponse().getStatus(), what, e);
        } catch (ProcessingException e) {
            // Not the message: it names the request's address, which can hold an email address.
            LOG.warnf("Keycloak did not answer when asked to %s (%s)", what, rootCause(e).getClass().getSimpleName());
            throw new KeycloakUnavailable("Keycloak did not answer when asked to " + what, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    private static void expect(Response response, String what) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw refused(response.getStatus(), what, null);
        }
    }

    private static KeycloakUnavailable refused(int status, String what, Throwable cause) {
        // A 4xx is a setting to fix (the service account's roles, its secret), not an outage to wait out.
        LOG.logf(status < 500 ? Logger.Level.ERROR : Logger.Level.WARN, "Keycloak answered %d when asked to %s", status, what);
        return new KeycloakUnavailable("Keycloak could not " + what + " (HTTP " + status + ")", cause);
    }

    /** Keycloak refused or could not be reached; the person sees a message and nothing is half-saved. */
    public static class KeycloakUnavailable extends RuntimeException {
        public KeycloakUnavailable(String message) {
            super(message);
        }

        public KeycloakUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
