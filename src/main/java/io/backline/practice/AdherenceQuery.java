package io.backline.practice;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * The histories adherence is computed from, for any number of assignments in one statement, through
 * {@link ClinicSql}: only the columns the arithmetic needs (a session's day, not its notes).
 */
@ApplicationScoped
class AdherenceQuery {
    /*
     * The three histories come back as one stream of tagged rows, oldest first per kind. Days are numbers: a dashboard
     * reads thousands of session days, and decoding each through java.sql.Date cost more than everything else on the
     * page. The ids come from assignments the caller loaded through the tenant filter; the clinic is named as well, so
     * no row of another clinic can join in.
     */
    private static final String HISTORY = """
            select s.assignment_id, 'SESSION' as kind, s.performed_on - date '1970-01-01' as day, 0 as at_millis,
                   0 as version, 0 as per_week, cast(null as integer) as until
            from session_log s where s.clinic_id = :clinic and s.assignment_id in (:ids)
            union all
            select e.assignment_id, e.kind, e.effective_on - date '1970-01-01',
                   cast(extract(epoch from e.happened_at) * 1000 as bigint), 0, 0, null
            from assignment_event e where e.clinic_id = :clinic and e.assignment_id in (:ids)
            union all
            select p.assignment_id, 'PRESCRIPTION', p.start_date - date '1970-01-01',
                   cast(extract(epoch from p.created_at) * 1000 as bigint), p.version, p.sessions_per_week,
                   p.end_date - date '1970-01-01'
            from prescription p where p.clinic_id = :clinic and p.assignment_id in (:ids)""";

    /** One history row: a session's day, a pause, resumption or end, or a prescription version. */
    record Row(UUID assignmentId, String kind, long day, long atMillis, int version, int perWeek, Long until) {
    }

    @Inject
    ClinicSql sql;

    /*
     * A Hibernate native query, whose list parameter becomes one "?" per id: with a single array parameter PostgreSQL
     * switched the statement to a generic plan, which cost the dashboard a fifth more database time (docs/adr/0032).
     */
    List<Row> history(Collection<UUID> assignmentIds) {
        List<?> rows = sql.query(HISTORY).setParameter("ids", List.copyOf(assignmentIds)).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Row((UUID) row[0], (String) row[1],
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue(), row[6] == null ? null : ((Number) row[6]).longValue())).toList();
    }

}
