package io.backline.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.Context;

/**
 * The counts in the menu: open flags and unread messages for staff (their care teams' for a trainer, the whole
 * clinic's for an admin), unread messages and notifications for a client. Known from {@link BadgeCache} until
 * something counted changes, or read with one statement the first time a request shows one, so an API call or a page
 * without a menu reads none. Plain JDBC on the pool, with the clinic named from the membership: the badge's own poll
 * needs no Hibernate session.
 */
@RequestScoped
class BadgeCountsQuery {
    private static final String OPEN_FLAGS = """
            select count(*) from symptom_flag f where f.clinic_id = ? and f.status <> 'RESOLVED'
                and f.level <> 'GREEN'""";
    private static final String UNREAD_FROM_CLIENTS = """
            select count(*) from message g
            left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id and r.user_id = ?
            where g.clinic_id = ? and g.from_client and g.written_at > coalesce(r.read_at, '-infinity')""";
    /** A staff member's own notifications as a client of the same clinic, if they are one (no rows otherwise). */
    private static final String UNREAD_NOTIFICATIONS = """
            select count(*) from notification n where n.clinic_id = ? and n.client_id = ? and n.read_at is null""";
    private static final String FOR_ADMIN = "select (" + OPEN_FLAGS + "), (" + UNREAD_FROM_CLIENTS + "), ("
            + UNREAD_NOTIFICATIONS + ")";
    private static final String FOR_TRAINER = "select (" + OPEN_FLAGS + " and "
            + CareTeamRule.onCareTeam("f.clinic_id", "f.client_id", "?") + "), (" + UNREAD_FROM_CLIENTS + " and "
            + CareTeamRule.onCareTeam("g.clinic_id", "g.client_id", "?") + "), (" + UNREAD_NOTIFICATIONS + ")";
    private static final String FOR_CLIENT = """
            select 0, (select count(*) from message g
                       left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id and r.user_id = ?
                       where g.clinic_id = ? and g.client_id = ? and not g.from_client
                           and g.written_at > coalesce(r.read_at, '-infinity')),
                   (""" + UNREAD_NOTIFICATIONS + ")";

    record Counts(long openFlags, long unreadMessages, long unreadNotifications) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    @Inject
    DataSource dataSource;
    @Inject
    BadgeCache cache;

    private Counts counts;

    /** The signed-in person's counts; none for an error page answered before the request reached a worker thread. */
    Counts of(ClinicMember member, UUID userId) {
        if (counts == null) {
            if (Context.isOnEventLoopThread()) {
                return Counts.NONE;
            }
            counts = read(member, userId);
        }
        return counts;
    }

    private Counts read(ClinicMember member, UUID userId) {
        String clinic = member.clinic().id;
        boolean admin = member.roles().contains(CurrentUser.ADMIN);
        BadgeCache.Key key = new BadgeCache.Key(userId, member.staffMemberId().orElse(null),
                member.clientId().orElse(null), admin);
        Counts known = cache.known(clinic, key);
        if (known != null) {
            return known;
        }
        long changesBeforeRead = cache.changesSoFar(clinic);
        Counts counted = count(member, userId);
        cache.keep(clinic, key, counted, changesBeforeRead);
        return counted;
    }

    private Counts count(ClinicMember member, UUID userId) {
        String clinic = member.clinic().id;
        UUID client = member.clientId().orElse(null);
        Optional<UUID> staff = member.staffMemberId();
        if (staff.isPresent() && member.roles().contains(CurrentUser.ADMIN)) {
            return one(FOR_ADMIN, clinic, userId, clinic, clinic, client);
        }
        if (staff.isPresent()) {
            return one(FOR_TRAINER, clinic, staff.get(), userId, clinic, staff.get(), clinic, client);
        }
        return client == null ? Counts.NONE : one(FOR_CLIENT, userId, clinic, client, clinic, client);
    }

    private Counts one(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Counts(row.getLong(1), row.getLong(2), row.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the menu's badges", e);
        }
    }
}
