package io.backline.clinic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears, on one connection of its own, V27's notices of changed staff, client and clinic rows and tells
 * {@link MembershipCache}, and V29's of changed flags, messages and notifications and tells {@link BadgeCache}, so
 * that a change made through any instance (or by hand in the database) reaches every instance's copies when it
 * commits. Without that connection both caches are off; they come back once the notices are heard again.
 */
@ApplicationScoped
class ChangeNotices {
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    static final String MEMBERSHIP = "backline_membership";
    static final String BADGES = "backline_badges";
    /** How long one wait for notices lasts before checking whether the app is stopping. */
    private static final int WAIT_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 2_000;
    private static final int VALID_SECONDS = 2;

    @Inject
    DataSource dataSource;
    @Inject
    MembershipCache members;
    @Inject
    BadgeCache badges;

    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("change-notices").start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        // The listener sees this within one wait; the pool closes its connection as the app stops.
        stopping = true;
        hearing(false);
    }

    private void hearing(boolean hearing) {
        members.hearing(hearing);
        badges.hearing(hearing);
    }

    private void listen() {
        while (!stopping) {
            try (Connection own = dataSource.getConnection()) {
                own.setAutoCommit(true);
                try (Statement listen = own.createStatement()) {
                    listen.execute("listen " + MEMBERSHIP + "; listen " + BADGES);
                }
                // Only now: a change committed from here on is announced; one committed before is in no copy.
                hearing(true);
                PGConnection notices = own.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] heard = notices.getNotifications(WAIT_MILLIS);
                    if (heard == null || heard.length == 0) {
                        // A connection cut without a word from the network would otherwise wait here for ever.
                        if (!own.isValid(VALID_SECONDS)) {
                            throw new SQLException("the notices' connection no longer answers");
                        }
                        continue;
                    }
                    for (PGNotification notice : heard) {
                        if (notice.getName().equals(BADGES)) {
                            badges.changed(notice.getParameter());
                        } else {
                            changed(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                hearing(false);
                if (!stopping) {
                    LOG.warnf("Change notices not heard (%s); every request reads its membership and counts until they are",
                            e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    /** "<clinic> <user>", or "<clinic> *" for the clinic's own row. */
    private void changed(String payload) {
        int space = payload.lastIndexOf(' ');
        if (space <= 0) {
            members.forgetEveryone();
            return;
        }
        String clinicId = payload.substring(0, space);
        String user = payload.substring(space + 1);
        try {
            members.changed(clinicId, user.equals("*") ? null : UUID.fromString(user));
        } catch (IllegalArgumentException e) {
            members.forgetEveryone();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
