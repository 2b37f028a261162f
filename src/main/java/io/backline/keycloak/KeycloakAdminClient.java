package io.backline.keycloak;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.client.Client;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import io.backline.config.BacklineConfig;

/**
 * Keycloak's admin client as the Quarkus extension makes it (from its settings, one per request, its HTTP client and
 * TLS choice), with a read timeout, which the extension leaves unset. Without one, a request to a Keycloak that
 * accepts connections but never answers (stopped, out of memory, a hung proxy) holds its worker thread for good, and
 * with eight worker threads per instance a handful of admins clicking "invite" would stop every page. Connecting
 * already gives up after 15 seconds (the REST client's default). Of the extension's settings, only the server URL,
 * realm, client id and secret are read: Backline signs in to the admin API with client credentials alone.
 */
@ApplicationScoped
class KeycloakAdminClient {
    @Inject
    BacklineConfig config;
    /** The property Quarkus's REST client reads for a request's read timeout, in milliseconds. */
    private static final String READ_TIMEOUT = "io.quarkus.rest.client.read-timeout";

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    String serverUrl;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id")
    String clientId;
    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret")
    String clientSecret;
    /** Keycloak sends an invitation's email inside the admin call, so this leaves room for a slow mail server. */

    @Produces
    @RequestScoped
    Keycloak keycloak() {
        Client client = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
        client.property(READ_TIMEOUT, config.keycloak().adminReadTimeout().toMillis());
        return KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm).clientId(clientId).clientSecret(clientSecret)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).resteasyClient(client).build();
    }

    void close(@Disposes Keycloak keycloak) {
        keycloak.close();
    }
}
