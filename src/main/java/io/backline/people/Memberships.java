package io.backline.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.clinic.MembershipChanges;
import io.backline.keycloak.KeycloakAccounts;

/**
 * Deactivating and reactivating people. A deactivated person leaves the clinic's Keycloak organization, so they can
 * no longer sign in to it (a member of other clinics still signs in to those), and keeps no role here; their history
 * stays. A trainer who leaves hands their clients to a successor, so that no client is left without a trainer.
 */
@ApplicationScoped
public class Memberships {

    @Inject
    KeycloakAccounts keycloak;
    @Inject
    Event<Deactivated> deactivated;
    @Inject
    EntityManager entityManager;
    @Inject
    CareTeamQuery careTeams;
    @Inject
    AuditTrail audit;
    @Inject
    MembershipChanges membershipChanges;

    /** Clients who would have no lead trainer if this staff member left: they need a successor. */
    public long clientsLedBy(StaffMember staff) {
        return CareTeamMember.count("key.staffMemberId = ?1 and lead = true", staff.id);
    }

    @Transactional
    public void deactivate(StaffMember staff, StaffMember successor) {
        List<UUID> led = CareTeamMember.<CareTeamMember> list("key.staffMemberId = ?1 and lead = true", staff.id)
                .stream().map(member -> member.key.clientId()).toList();
        CareTeamMember.delete("key.staffMemberId", staff.id);
        if (!led.isEmpty()) {
            // The successor leads every client the leaver led: promoted where already on the team, added elsewhere.
            entityManager.flush();
            careTeams.handOver(led, successor.id);
        }
        staff.active = false;
        staff.deactivatedAt = Instant.now();
        membershipChanges.changing(staff.clinicId, staff.userId);
        revokePendingInvitation(staff.userId);
        keycloak.leaveClinic(staff.userId, staff.clinicId);
        audit.record(AuditSubject.staff(staff.id), AuditTrail.DEACTIVATED_STAFF,
                staff.fullName + (successor == null ? "" : "; clients to " + successor.fullName));
    }

    @Transactional
    public void reactivate(StaffMember staff) {
        staff.active = true;
        staff.deactivatedAt = null;
        membershipChanges.changing(staff.clinicId, staff.userId);
        keycloak.joinClinic(staff.userId, staff.clinicId);
        keycloak.grantRole(staff.userId, staff.role);
        audit.record(AuditSubject.staff(staff.id), AuditTrail.REACTIVATED_STAFF, staff.fullName);
    }

    @Transactional
    public void deactivate(Client client) {
        client.active = false;
        client.deactivatedAt = Instant.now();
        if (client.userId != null) {
            membershipChanges.changing(client.clinicId, client.userId);
            revokePendingInvitation(client.userId);
            keycloak.leaveClinic(client.userId, client.clinicId);
        }
    }

    @Transactional
    public void reactivate(Client client) {
        client.active = true;
        client.deactivatedAt = null;
        if (client.userId != null) {
            membershipChanges.changing(client.clinicId, client.userId);
            keycloak.joinClinic(client.userId, client.clinicId);
            keycloak.grantRole(client.userId, CurrentUser.CLIENT);
        }
    }

    private void revokePendingInvitation(UUID userId) {
        deactivated.fire(new Deactivated(userId));
    }
}
