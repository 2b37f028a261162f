package io.backline.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.backline.clinic.SignedIn;
import io.backline.people.Deactivated;
import io.quarkus.panache.common.Parameters;

/** An invitation follows its person: accepted at their first sign-in, revoked when they are deactivated. */
@ApplicationScoped
public class InvitationLifecycle {

    @Transactional
    void onSignIn(@Observes SignedIn signedIn) {
        Invitation.update("status = :accepted where userId = :user and status = :pending",
                Parameters.with("accepted", Invitation.ACCEPTED).and("user", signedIn.userId())
                        .and("pending", Invitation.PENDING));
    }

    @Transactional
    void onDeactivation(@Observes Deactivated deactivated) {
        Invitation.update("status = :revoked where userId = :user and status = :pending",
                Parameters.with("revoked", Invitation.REVOKED).and("user", deactivated.userId())
                        .and("pending", Invitation.PENDING));
    }
}
