package io.backline.symptom;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.backline.people.CurrentUser;
import io.vertx.core.Context;

/** The open-flag count in the layout ({@code inject:flagBadge.count}); it never depends on mail. */
@Named("flagBadge")
@RequestScoped
public class FlagBadge {
    @Inject
    CurrentUser currentUser;
    @Inject
    FlagReview review;

    private Long count;

    public long getCount() {
        if (count == null) {
            // Pages rendered on the I/O thread (errors before routing) cannot query; they show no badge.
            count = !currentUser.isStaff() || Context.isOnEventLoopThread() ? 0L : review.openCount(scope(currentUser));
        }
        return count;
    }

    /** Trainers see their care teams' flags; admins see the whole clinic's. */
    static Optional<UUID> scope(CurrentUser user) {
        if (user.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of(user.staffMemberId().orElse(new UUID(0, 0)));
    }
}
