package io.backline.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.keycloak.KeycloakAccounts;
import io.backline.people.Client;

/**
 * Erasure on request: the client's personal data and every free text written about them is removed, while the rows
 * that feed the clinic's counts (sessions, flags, their levels and dates) stay, tied to an anonymous client. The
 * audit trail stays as it is; it holds who acted, not the client's details. Their Keycloak membership goes, and so
 * does their account when no other clinic uses it.
 */
@ApplicationScoped
public class ClientErasure {
    static final String ERASED_NAME = "Erased client";

    @Inject
    ErasureQuery statements;
    @Inject
    KeycloakAccounts keycloak;

    @Transactional
    public void erase(Client client) {
        UUID userId = client.userId;
        statements.eraseFreeText(client.id);
        client.fullName = ERASED_NAME;
        client.preferredName = null;
        client.email = null;
        client.phone = null;
        client.notes = null;
        client.userId = null;
        client.active = false;
        client.erasedAt = java.time.Instant.now();
        if (client.deactivatedAt == null) {
            client.deactivatedAt = client.erasedAt;
        }
        if (userId != null) {
            // Last, so that a refusal from Keycloak rolls the database back and the client can be erased again.
            keycloak.leaveClinic(userId, client.clinicId);
            if (!keycloak.belongsToAnyClinic(userId)) {
                keycloak.delete(userId);
            }
        }
    }
}
