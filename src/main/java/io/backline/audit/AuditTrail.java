package io.backline.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import io.backline.clinic.CurrentClinic;
import io.backline.clinic.CurrentUser;
import io.backline.web.SessionJdbc;

/** Records who viewed or changed a client's health data, with the request it happened in. */
@ApplicationScoped
public class AuditTrail {
    public static final String VIEWED_PROGRESS = "viewed progress";
    public static final String ASSIGNED = "assigned program";
    public static final String CHANGED_PRESCRIPTION = "changed prescription";
    public static final String PAUSED = "paused program";
    public static final String RESUMED = "resumed program";
    public static final String ENDED = "ended program";
    public static final String CHECKED_OFF = "checked off session";

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestId requestId;

    @Inject
    CurrentClinic currentClinic;

    /*
     * Written with plain JDBC: a Hibernate entity insert cost the client page a tenth of its CPU (JFR), its own
     * transaction's begin, flush and commit included, for one row nothing reads back in the same request.
     */
    private static final String INSERT = """
            insert into audit_event (id, clinic_id, client_id, actor_user_id, actor_name, action, detail, request_id,
                happened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Joins the caller's transaction, so a change and its trace are saved together or not at all. A look at a page
     * has no transaction: its trace is saved at once, on its own.
     */
    public void record(UUID clientId, String action, String detail) {
        recordBy(clientId, currentUser.userId(), currentUser.getName(), action, detail);
    }

    /** For someone who is not signed in, such as a provider opening a referral link: a fixed id and their name. */
    public void recordBy(UUID clientId, UUID actorId, String actorName, String action, String detail) {
        String clinicId = currentClinic.requireId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        SessionJdbc.update(AuditEvent.getEntityManager().unwrap(Session.class), INSERT, statement -> {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, clinicId);
            statement.setObject(3, clientId);
            statement.setObject(4, actorId);
            statement.setString(5, truncate(actorName, 160));
            statement.setString(6, action);
            statement.setString(7, detail == null ? null : truncate(detail, 200));
            statement.setString(8, requestId.value());
            statement.setObject(9, now);
        });
    }

    /** One line of a client's access log, as the client sees it on their today page. */
    public record Entry(Instant happenedAt, String actorName, String action) {
    }

    /*
     * The latest events about a client, newest first: only the three values shown, read with SessionJdbc (the today
     * page asks on every visit; whole audit entities cost it a twelfth of its CPU, and the same statement as a
     * Hibernate native query another twentieth).
     */
    public List<Entry> forClient(UUID clientId, int limit) {
        return SessionJdbc.list(AuditEvent.getEntityManager().unwrap(Session.class), """
                select happened_at, actor_name, action from audit_event where clinic_id = ? and client_id = ?
                order by happened_at desc limit ?""", statement -> {
            statement.setString(1, currentClinic.requireId());
            statement.setObject(2, clientId);
            statement.setInt(3, limit);
        }, row -> new Entry(SessionJdbc.instant(row, 1), row.getString(2), row.getString(3)));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
