package io.backline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.backline.clinic.CurrentClinic;
import io.backline.people.CurrentUser;
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

    /** Joins the caller's transaction, so a change and its trace are saved together or not at all. */
    @Transactional
    public void record(UUID clientId, String action, String detail) {
        recordBy(clientId, currentUser.userId(), currentUser.getName(), action, detail);
    }

    /** For someone who is not signed in, such as a provider opening a referral link: a fixed id and their name. */
    @Transactional
    public void recordBy(UUID clientId, UUID actorId, String actorName, String action, String detail) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.clientId = clientId;
        event.actorUserId = actorId;
        event.actorName = truncate(actorName, 160);
        event.action = action;
        event.detail = detail == null ? null : truncate(detail, 200);
        event.requestId = requestId.value();
        event.happenedAt = Instant.now();
        event.persist();
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
