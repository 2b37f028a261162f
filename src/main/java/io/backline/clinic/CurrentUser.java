package io.backline.clinic;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.backline.web.i18n.Languages;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;

/** Who is signed in, in which clinic and with which roles; templates read it as {@code inject:currentUser}. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {
    public static final String ADMIN = "clinic-admin";
    public static final String TRAINER = "trainer";
    public static final String CLIENT = "client";
    /** Keeps the shared provider directory; a Keycloak realm role no clinic's staff holds (docs/adr/0046). */
    public static final String OPERATOR = "backline-operator";

    private final SecurityIdentity identity;
    private final CurrentClinic currentClinic;
    private final BadgeCountsQuery badgeCounts;
    private Clinic clinic;
    private String name;
    private String menuKey;

    @Inject
    CurrentUser(SecurityIdentity identity, CurrentClinic currentClinic, BadgeCountsQuery badgeCounts) {
        this.identity = identity;
        this.currentClinic = currentClinic;
        this.badgeCounts = badgeCounts;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        if (name == null) {
            // Read once per request (every page shows it).
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                String fullName = TokenClaims.text(token, "name");
                name = fullName != null ? fullName : TokenClaims.text(token, "preferred_username");
            } else {
                name = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
            }
        }
        return name;
    }

    public UUID userId() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return UUID.fromString(token.getSubject());
        }
        throw new IllegalStateException("No signed-in user");
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isTrainer() {
        return identity.hasRole(TRAINER);
    }

    public boolean isClient() {
        return identity.hasRole(CLIENT);
    }

    /** The directory's operator, signed in outside any clinic. */
    public boolean isOperator() {
        return identity.hasRole(OPERATOR) && currentClinic.id().isEmpty();
    }

    public boolean isStaff() {
        return isAdmin() || isTrainer();
    }

    /** What the layout's kept parts of the menu depend on ({@code {#cached}} in main.html): language and roles. */
    public String menuKey() {
        if (menuKey == null) {
            menuKey = Languages.current() + (isSignedIn() ? "/in" : "/out") + (isTrainer() ? "/trainer" : "")
                    + (isAdmin() ? "/admin" : "") + (isClient() ? "/client" : "");
        }
        return menuKey;
    }

    /** The id of the signed-in client's own row in this clinic, known from sign-in without a query. */
    public Optional<UUID> clientId() {
        return isClient() ? ClinicMember.of(identity).flatMap(ClinicMember::clientId) : Optional.empty();
    }

    /** The language a signed-in client's row keeps for their emails, known from sign-in without a query. */
    public Optional<String> clientLanguage() {
        return isClient() ? ClinicMember.of(identity).flatMap(ClinicMember::clientLanguage) : Optional.empty();
    }

    /** The language the person chose in Keycloak (its {@code locale} claim), if any. */
    public Optional<String> keycloakLocale() {
        return identity.getPrincipal() instanceof JsonWebToken token
                ? Optional.ofNullable(TokenClaims.text(token, "locale")) : Optional.empty();
    }

    /** Unread messages in the menu: from the clients a staff member sees, or from a client's care team. */
    public long unreadMessageCount() {
        return isStaff() || isClient() ? counts().unreadMessages() : 0L;
    }

    /** A client's unread notifications in the menu. */
    public long unreadNotificationCount() {
        return isClient() ? counts().unreadNotifications() : 0L;
    }

    /** Open flags in the staff badge (0 for a client). */
    public long openFlagCount() {
        return isStaff() ? counts().openFlags() : 0L;
    }

    private BadgeCountsQuery.Counts counts() {
        return ClinicMember.of(identity).map(member -> badgeCounts.of(member, userId())).orElse(BadgeCountsQuery.Counts.NONE);
    }

    /** The id of the signed-in person's staff row in this clinic, known from sign-in without a query. */
    public Optional<UUID> staffMemberId() {
        return isStaff() ? ClinicMember.of(identity).flatMap(ClinicMember::staffMemberId) : Optional.empty();
    }

    /** The time zone of the clinic the user works in now (Portland's when there is none). */
    public ZoneId zone() {
        return Clinic.zoneOf(getClinic());
    }

    /**
     * The clinic the user works in now, or null when signed out or in no clinic. Error pages rendered before a
     * request reaches a worker thread (a refused role, an unknown address) cannot query the database, so they show
     * no clinic name.
     */
    public Clinic getClinic() {
        if (clinic == null) {
            // Read with the membership when the identity was built: no query.
            clinic = ClinicMember.of(identity).map(ClinicMember::clinic).orElse(null);
        }
        if (clinic == null && !Context.isOnEventLoopThread()) {
            Optional<String> id = currentClinic.id();
            clinic = id.map(clinicId -> Clinic.<Clinic> findById(clinicId)).orElse(null);
        }
        return clinic;
    }
}
