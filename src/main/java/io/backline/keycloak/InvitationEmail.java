package io.backline.keycloak;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the invitation email says besides the link: who invited the person, to which clinic, as what (a realm role),
 * how long the link works and until when on the clinic's clock. Keycloak's email theme reads it from the account's
 * attributes, declared admin-only in the realm's user profile.
 */
public record InvitationEmail(String invitedBy, String clinic, String role, Duration linkLifespan, LocalDateTime expires) {
    /** The ISO form the theme's template parses; it formats it in the reader's language. */
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public InvitationEmail {
        invitedBy = Objects.requireNonNullElse(invitedBy, "");
        clinic = Objects.requireNonNullElse(clinic, "");
    }

    Map<String, List<String>> attributes() {
        return Map.of("backlineInvitedBy", List.of(invitedBy), "backlineClinic", List.of(clinic),
                "backlineInvitedAs", List.of(role),
                "backlineInvitationExpires", List.of(expires.truncatedTo(ChronoUnit.MINUTES).format(ISO_LOCAL)));
    }
}
