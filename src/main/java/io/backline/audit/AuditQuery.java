package io.backline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * The access log's statements, in plain JDBC (docs/adr/0004): an entity insert cost the client page a flush and a
 * persistence-context entry for a row nothing reads back, and the today page reads only three values per event.
 */
@ApplicationScoped
class AuditQuery {
    private static final String INSERT = """
            insert into audit_event (clinic_id, id, client_id, actor_user_id, actor_name, action, detail, request_id,
                happened_at) values (:clinic, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String FOR_CLIENT = """
            select happened_at, actor_name, action from audit_event where clinic_id = :clinic and client_id = ?
            order by happened_at desc limit ?""";

    @Inject
    ClinicSql sql;

    void insert(UUID clientId, UUID actorId, String actorName, String action, String detail, String requestId) {
        sql.update(INSERT, UUID.randomUUID(), clientId, actorId, actorName, action, detail, requestId, Instant.now());
    }

    List<AuditTrail.Entry> forClient(UUID clientId, int limit) {
        return sql.list(FOR_CLIENT, row -> new AuditTrail.Entry(ClinicSql.instant(row, 1), row.getString(2),
                row.getString(3)), clientId, limit);
    }
}
