package io.backline.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;

/**
 * The secrets production must set, checked as the app starts, before it touches the database: a missing variable
 * stops it with the variable's name (its expansion fails), a short one with the sentences below. Dev mode and tests
 * pass the same checks with the development secrets in application.properties.
 */
@ConfigMapping(prefix = "backline.secrets")
public interface ProductionSecrets {
    int MIN_LENGTH = 32;

    @Size(min = MIN_LENGTH, message = "BACKLINE_OIDC_CLIENT_SECRET must be at least 32 bytes long")
    String oidcClient();

    @Size(min = MIN_LENGTH, message = "BACKLINE_KEYCLOAK_ADMIN_SECRET must be at least 32 bytes long")
    String keycloakAdmin();

    @Size(min = MIN_LENGTH, message = "BACKLINE_SESSION_SECRET must be at least 32 bytes long (openssl rand -hex 32)")
    String session();

    @Size(min = MIN_LENGTH, message = "BACKLINE_STATE_SECRET must be at least 32 bytes long (openssl rand -hex 32)")
    String state();

    @Size(min = MIN_LENGTH, message = "BACKLINE_DB_PASSWORD must be at least 32 bytes long")
    String database();

    @Size(min = MIN_LENGTH, message = "BACKLINE_DB_OWNER_PASSWORD must be at least 32 bytes long")
    String databaseOwner();

    @Size(min = MIN_LENGTH, message = "BACKLINE_UNSUBSCRIBE_SECRET must be at least 32 bytes long (openssl rand -hex 32)")
    String unsubscribe();

    /** One leaked cookie key must not open the other cookie too. */
    @AssertTrue(message = "BACKLINE_STATE_SECRET must differ from BACKLINE_SESSION_SECRET")
    default boolean isStateApartFromSession() {
        return !session().equals(state());
    }
}
