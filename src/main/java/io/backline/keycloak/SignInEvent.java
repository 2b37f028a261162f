package io.backline.keycloak;

import java.time.Instant;
import java.util.UUID;

import org.keycloak.representations.idm.EventRepresentation;

/**
 * One sign-in or failed sign-in as Keycloak recorded it. {@code error} is Keycloak's code for why it failed
 * ({@code invalid_user_credentials}, {@code user_temporarily_disabled}...), null when the person got in;
 * {@code userId} is null for a failure Keycloak could not tie to an account (an unknown username).
 */
public record SignInEvent(Instant at, UUID userId, String error, String ipAddress) {

    public boolean succeeded() {
        return error == null;
    }

    static SignInEvent of(EventRepresentation event) {
        return new SignInEvent(Instant.ofEpochMilli(event.getTime()), userId(event.getUserId()),
                "LOGIN".equals(event.getType()) ? null : String.valueOf(event.getError()), event.getIpAddress());
    }

    private static UUID userId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null; // not an id Backline ever gave anyone
        }
    }
}
