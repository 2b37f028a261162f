package io.backline.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    /** Free text about the client, and what shares it, per table; each statement takes (clinic id, client id). */
    private static final String[] FREE_TEXT = {
            "update session_log set note = null where clinic_id = ?1 and client_id = ?2",
            "update symptom_flag set description = null where clinic_id = ?1 and client_id = ?2",
            """
            update flag_note set text = null where clinic_id = ?1
                and flag_id in (select id from symptom_flag where clinic_id = ?1 and client_id = ?2)""",
            """
            update prescription set notes = null where clinic_id = ?1
                and assignment_id in (select id from assignment where clinic_id = ?1 and client_id = ?2)""",
            """
            update assignment_event set reason = null where clinic_id = ?1
                and assignment_id in (select id from assignment where clinic_id = ?1 and client_id = ?2)""",
            "update referral_draft set reason = null where clinic_id = ?1 and client_id = ?2",
            // The pre-exercise answers are health data with nothing to count: they go whole.
            "delete from screening where clinic_id = ?1 and client_id = ?2",
            "update clearance set note = '(erased)' where clinic_id = ?1 and client_id = ?2",
            """
            update referral set reason = '(erased)', message = null, provider_findings = null,
                provider_recommendations = null, link_revoked_at = coalesce(link_revoked_at, now())
            where clinic_id = ?1 and client_id = ?2""",
            // Nothing about an erased client is shared any more, not even an email still waiting to go out.
            """
            delete from referral_mail where clinic_id = ?1 and sent_at is null
                and referral_id in (select id from referral where clinic_id = ?1 and client_id = ?2)""",
            """
            update referral_consent set revoked_at = now(), revoked_by = 'Erasure on request'
            where clinic_id = ?1 and client_id = ?2 and revoked_at is null""",
    };

    @Inject
    EntityManager entityManager;
    @Inject
    KeycloakAccounts keycloak;

    @Transactional
    public void erase(Client client) {
        UUID userId = client.userId;
        for (String statement : FREE_TEXT) {
            entityManager.createNativeQuery(statement).setParameter(1, client.clinicId).setParameter(2, client.id)
                    .executeUpdate();
        }
        if (userId != null) {
            entityManager.createNativeQuery("""
                    update invitation set email = 'erased@invalid', full_name = :name,
                        status = case when status = 'pending' then 'revoked' else status end
                    where clinic_id = :clinic and user_id = :user""")
                    .setParameter("name", ERASED_NAME).setParameter("clinic", client.clinicId)
                    .setParameter("user", userId).executeUpdate();
        }
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
