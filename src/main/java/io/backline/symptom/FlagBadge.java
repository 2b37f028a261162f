package io.backline.symptom;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.backline.clinic.CurrentUser;

/**
 * The open-flag count in the layout ({@code inject:flagBadge.count}); it never depends on mail. Counted by the
 * sign-in's membership statement (ClinicMembershipRoles), so a staff page spends no statement of its own on it.
 */
@Named("flagBadge")
@RequestScoped
public class FlagBadge {
    @Inject
    CurrentUser currentUser;

    public long getCount() {
        return currentUser.openFlagCount();
    }

    /** Trainers see their care teams' flags; admins see the whole clinic's. */
    static Optional<UUID> scope(CurrentUser user) {
        if (user.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of(user.staffMemberId().orElse(new UUID(0, 0)));
    }
}
