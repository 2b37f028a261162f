package io.backline.demo;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backline.clinic.CurrentUser;
import io.backline.invitation.Invitation;
import io.backline.people.StaffMember;

/**
 * The clinic's pending invitation: a trainer the admin invited two days ago who has not chosen a password yet. The
 * Keycloak account is in the dev realm (no password, in the clinic's organization), so "Resend" and "Revoke" work.
 */
@ApplicationScoped
class DemoInvitation {

    void build(DemoCast cast, StaffMember admin, DemoTime time) {
        DemoCast.Invitee invitee = cast.invitee();
        StaffMember staff = StaffMember.findById(invitee.staffId());
        if (staff == null) {
            staff = new StaffMember();
            staff.id = invitee.staffId();
            staff.userId = invitee.userId();
        }
        // As InvitationService leaves the person it invites: on the staff list, active, waiting for a first sign-in.
        staff.fullName = invitee.fullName();
        staff.email = invitee.email();
        staff.role = CurrentUser.TRAINER;
        staff.active = true;
        staff.deactivatedAt = null;
        staff.persist();

        Invitation invitation = new Invitation();
        invitation.id = invitee.invitationId();
        invitation.email = invitee.email();
        invitation.fullName = invitee.fullName();
        invitation.role = CurrentUser.TRAINER;
        invitation.userId = invitee.userId();
        invitation.personId = staff.id;
        invitation.newAccount = true;
        invitation.status = Invitation.PENDING;
        invitation.invitedBy = admin.userId;
        invitation.invitedByName = admin.fullName;
        invitation.createdAt = time.at(2, 10, 15);
        invitation.lastSentAt = invitation.createdAt;
        invitation.timesSent = 1;
        invitation.requestKey = UUID.randomUUID();
        invitation.persist();
    }
}
