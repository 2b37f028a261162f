package io.backline.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CareTeamRule;
import io.backline.clinic.ClinicSql;
import io.backline.program.Assignment;
import io.backline.referral.Referral;
import io.backline.symptom.FlagRules;

/**
 * What the trainer's dashboard lists: a page of the caseload and the overdue referrals, only the values shown, read
 * with {@link ClinicSql#list} (docs/adr/0003). As Hibernate native queries these two statements took a quarter of the page's CPU
 * (JFR), half of it hydrating whole client and assignment entities to show six values.
 */
@ApplicationScoped
public class DashboardQuery {

    /** A client on the trainer's care teams, with their oldest assignment that has not ended, if any. */
    public record CaseloadEntry(UUID clientId, String clientName, UUID assignmentId, Assignment.Status status,
            long historyVersion, Instant assignedAt, int openFlags, FlagRules.Level topLevel, int unreadMessages) {
        public boolean hasProgram() {
            return assignmentId != null;
        }
    }

    /** One page of the caseload (one entry more than a page when there is a next page), and the overdue referrals. */
    public record Found(List<CaseloadEntry> caseload, List<Dashboard.OverdueReferral> overdueReferrals) {
    }

    /*
     * Needs attention first, in the same statement (no query per row): open flags by their highest level (the flag
     * badge's predicate, V10's partial index), then active programs quiet since the cut-off (the last session, or the
     * assignment when there is none), then by name. Unread messages from the client come right after the flags.
     */
    private static final String CASELOAD = """
            select c.id, c.full_name, a.id, a.status, a.history_version, a.created_at, f.open_flags, f.top_rank, u.unread
            from client c
            %s
            left join lateral (select x.id, x.status, x.history_version, x.created_at from assignment x
                               where x.clinic_id = c.clinic_id and x.client_id = c.id and x.status <> 'ENDED'
                               order by x.created_at limit 1) a on true
            cross join lateral (select count(*) as open_flags,
                                    min(case y.level when 'EMERGENCY' then 0 when 'RED' then 1 else 2 end) as top_rank
                                from symptom_flag y where y.clinic_id = c.clinic_id and y.client_id = c.id
                                  and y.status <> 'RESOLVED' and y.level <> 'GREEN') f
            cross join lateral (select count(*) as unread from message g
                                where g.clinic_id = c.clinic_id and g.client_id = c.id and g.from_client
                                  and g.written_at > coalesce((select r.read_at from message_read r
                                      where r.clinic_id = c.clinic_id and r.client_id = c.id and r.user_id = ?),
                                      '-infinity')) u
            left join lateral (select max(s.performed_on) last_day from session_log s
                               where s.clinic_id = c.clinic_id and s.assignment_id = a.id) q on true
            where c.clinic_id = :clinic and c.active
            order by f.top_rank nulls last, u.unread > 0 desc,
                     (a.status = 'ACTIVE' and (q.last_day <= ? or (q.last_day is null and a.created_at < ?))) desc nulls last,
                     c.full_name, c.id limit ? offset ?""".formatted(CareTeamRule.joinCareTeam("c.clinic_id", "c.id", "?"));

    private static final FlagRules.Level[] BY_RANK = { FlagRules.Level.EMERGENCY, FlagRules.Level.RED,
            FlagRules.Level.AMBER };

    /* Oldest first, at most ten: what the trainer should chase first (V6's partial index on sent referrals). */
    private static final String OVERDUE_REFERRALS = """
            select r.id, c.full_name, r.sent_at, r.urgency from referral r
            join client c on c.clinic_id = r.clinic_id and c.id = r.client_id
            where r.clinic_id = :clinic and r.status = 'SENT' and r.sent_at < ?
              and r.client_id in %s
            order by r.sent_at limit 10""".formatted(CareTeamRule.clientIdsOf("r.clinic_id", "?"));

    @Inject
    ClinicSql sql;

    /** The clinic is the request's own (never a value passed in), named in every table's condition. */
    /**
     * {@code quietSince}: a client whose last session was on or before this day (or who was assigned before
     * {@code assignedBefore} and has none) sorts with the disengaged.
     */
    public Found read(UUID staffId, UUID readerUserId, int limit, long offset, Instant sentBefore, LocalDate quietSince,
            Instant assignedBefore) {
        List<CaseloadEntry> caseload = sql.list(CASELOAD, row -> {
            String status = row.getString(4);
            int rank = row.getInt(8);
            FlagRules.Level top = row.wasNull() ? null : BY_RANK[rank];
            return new CaseloadEntry(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                    status == null ? null : Assignment.Status.valueOf(status), row.getLong(5), ClinicSql.instant(row, 6),
                    row.getInt(7), top, row.getInt(9));
        }, staffId, readerUserId, quietSince, assignedBefore, limit, offset);
        List<Dashboard.OverdueReferral> overdue = sql.list(OVERDUE_REFERRALS,
                row -> new Dashboard.OverdueReferral(row.getObject(1, UUID.class), row.getString(2),
                        ClinicSql.instant(row, 3), Referral.Urgency.valueOf(row.getString(4))),
                sentBefore, staffId);
        return new Found(caseload, overdue);
    }
}
