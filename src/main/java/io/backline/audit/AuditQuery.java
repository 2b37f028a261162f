package io.backline.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * The access log's statements, in plain JDBC (docs/adr/0004): an entity insert cost the client page a flush and a
 * persistence-context entry for a row nothing reads back, and the today page reads only three values per event. Every row
 * the app writes waits unchained until the job moves it into the chain (V26, docs/adr/0047 and 0048), where the
 * database links it to the clinic's previous one (docs/adr/0036); readers read {@code audit_trail}, which holds both.
 */
@ApplicationScoped
class AuditQuery {
    /** No trigger and no shared row: one clinic's looks and changes do not wait for one another on the chain's lock. */
    private static final String INSERT = """
            insert into audit_view_pending (clinic_id, id, client_id, subject_kind, subject_id, actor_user_id,
                actor_name, action, detail, request_id, happened_at) values (:clinic, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /*
     * Read from the chain and the waiting rows apart, not through audit_trail: the waiting rows' table holds the dead
     * rows the chaining job leaves until autovacuum comes, and a newest-first read through the view steps over all of
     * them (docs/adr/0058). Only waiting rows at least as new as the chain's (offset + limit)-th newest can be on the
     * page, so that read stops there. Parameters: client, offset + limit, client, client, offset + limit - 1,
     * offset + limit, limit, offset.
     */
    private static final String FOR_CLIENT = """
            select happened_at, actor_name, action from (
                (select e.happened_at, e.id, e.actor_name, e.action from audit_event e
                 where e.clinic_id = :clinic and e.client_id = ? and e.subject_kind <> 'sign-in'
                 order by e.happened_at desc, e.id limit ?)
                union all
                (select w.happened_at, w.id, w.actor_name, w.action from audit_view_pending w
                 where w.clinic_id = :clinic and w.client_id = ? and w.subject_kind <> 'sign-in'
                   and w.happened_at >= coalesce((select e.happened_at from audit_event e
                       where e.clinic_id = :clinic and e.client_id = ? and e.subject_kind <> 'sign-in'
                       order by e.happened_at desc, e.id offset ? limit 1), '-infinity')
                 order by w.happened_at desc, w.id limit ?)) trail
            order by happened_at desc, id limit ? offset ?""";
    /*
     * One pass over the clinic's rows in chain order, in the database: each row's hash recomputed from its fields
     * (changed?) and its link to the row before (removed, added or reordered?), and the looks still waiting to be
     * chained. Only five numbers come back.
     */
    private static final String CHECK_CHAIN = """
            select count(*), min(seq) filter (where not unchanged), min(seq) filter (where not linked), max(seq),
                (select count(*) from audit_view_pending where clinic_id = :clinic)
            from (select e.seq, e.row_hash is not distinct from audit_event_hash(e) as unchanged,
                         e.prev_hash is not distinct from lag(e.row_hash) over w
                             and e.seq = coalesce(lag(e.seq) over w, 0) + 1 as linked
                  from audit_event e where e.clinic_id = :clinic window w as (order by e.seq)) checked""";
    private static final String HEAD = """
            select h.seq, h.row_hash is not distinct from
                (select e.row_hash from audit_event e where e.clinic_id = h.clinic_id and e.seq = h.seq)
            from audit_chain_head h where h.clinic_id = :clinic""";
    private static final String HAPPENED_AT = "select happened_at from audit_event where clinic_id = :clinic and seq = ?";
    /** The schema owner's function (V26): the app may not delete a waiting row itself. */
    private static final String CHAIN_PENDING = "select audit_chain_pending(:clinic, ?)";
    private static final String OLDEST_PENDING =
            "select min(happened_at) from audit_view_pending where clinic_id = :clinic";

    /** The rows and the head the chain check reads, and how many looks wait to be chained. */
    record Chain(long entries, Long firstChanged, Long firstUnlinked, Long lastSeq, Long headSeq, boolean headMatches,
            long pending) {
    }

    @Inject
    ClinicSql sql;
    /** The pool, for the sign-in's row only: it is written while the identity is built, before the request has a session. */
    @Inject
    DataSource dataSource;

    /** In the caller's transaction when there is one, so a change and its trace are saved together or not at all. */
    void insert(AuditSubject subject, UUID actorId, String actorName, String action, String detail, String requestId) {
        sql.update(INSERT, UUID.randomUUID(), subject.clientId(), subject.kind().code, subject.id(), actorId,
                actorName, action, detail, requestId, Instant.now());
    }

    /** The same statement with the clinic named by the caller, who read it from the verified token. */
    void insertForClinic(String clinicId, AuditSubject subject, UUID actorId, String actorName, String action,
            String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT.replace(":clinic", "?"))) {
            Object[] values = { clinicId, UUID.randomUUID(), subject.clientId(), subject.kind().code, subject.id(),
                    actorId, actorName, action, null, requestId, Instant.now().atOffset(ZoneOffset.UTC) };
            for (int index = 0; index < values.length; index++) {
                statement.setObject(index + 1, values[index]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit trail", e);
        }
    }

    List<AuditTrail.Entry> forClient(UUID clientId, int limit, int offset) {
        return sql.list(FOR_CLIENT, row -> new AuditTrail.Entry(ClinicSql.instant(row, 1), row.getString(2),
                row.getString(3)), clientId, offset + limit, clientId, clientId,
                offset + limit - 1, offset + limit, limit, offset);
    }

    Chain chain() {
        Chain rows = sql.list(CHECK_CHAIN, row -> new Chain(row.getLong(1), row.getObject(2, Long.class),
                row.getObject(3, Long.class), row.getObject(4, Long.class), null, true, row.getLong(5))).getFirst();
        return sql.list(HEAD, row -> new Chain(rows.entries(), rows.firstChanged(), rows.firstUnlinked(), rows.lastSeq(),
                row.getLong(1), row.getBoolean(2), rows.pending())).stream().findFirst().orElse(rows);
    }

    /** Chains up to {@code batch} of the clinic's oldest waiting looks; how many moved (0: another mover is at it). */
    int chainPending(int batch) {
        return sql.list(CHAIN_PENDING, row -> row.getInt(1), batch).getFirst();
    }

    /** When the clinic's oldest look still waiting was recorded, or null when none waits. */
    Instant oldestPending() {
        return sql.list(OLDEST_PENDING, row -> ClinicSql.instant(row, 1)).getFirst();
    }

    Instant happenedAt(long seq) {
        return sql.list(HAPPENED_AT, row -> ClinicSql.instant(row, 1), seq).stream().findFirst().orElse(null);
    }
}
