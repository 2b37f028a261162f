package io.backline.symptom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CareTeamRule;
import io.backline.clinic.ClinicSql;

/**
 * The flag queue's page in one statement, naming the clinic, with the clients' names joined in (docs/adr/0001), read
 * with plain JDBC (docs/adr/0003): the queue only shows its rows and links to each flag, so only the columns it shows
 * are read and nothing is managed. The status and levels are literals so that the planner can always use the
 * partial index on open flags.
 */
@ApplicationScoped
public class FlagQueueQuery {
    private static final String QUEUE = """
            select f.id, f.level, f.type, f.severity, f.reported_at, f.status, c.full_name from symptom_flag f
            join client c on c.clinic_id = f.clinic_id and c.id = f.client_id
            where f.clinic_id = :clinic and f.status <> 'RESOLVED' and f.level <> 'GREEN' %s
            order by case f.level when 'EMERGENCY' then 0 when 'RED' then 1 else 2 end, f.reported_at
            limit ? offset ?""";
    private static final String WHOLE_CLINIC = QUEUE.formatted("");
    private static final String CARE_TEAMS = QUEUE.formatted(
            "and " + CareTeamRule.onCareTeam("f.clinic_id", "f.client_id", "?"));

    @Inject
    ClinicSql sql;

    /** A flag in the queue, with the name of the client it concerns. */
    public record QueueRow(UUID flagId, FlagRules.Level level, FlagRules.Type type, int severity, Instant reportedAt,
            SymptomFlag.Status status, String clientName) {
        public String levelName() {
            return level.word();
        }

        public String statusName() {
            return status.name().toLowerCase();
        }
    }

    /** One page of the queue: the whole clinic's for an admin, the care teams' of a staff member otherwise. */
    public List<QueueRow> read(Optional<UUID> staffMemberId, int pageIndex, int pageSize) {
        List<Object> parameters = new ArrayList<>(3);
        staffMemberId.ifPresent(parameters::add);
        parameters.add(pageSize);
        parameters.add(pageIndex * pageSize);
        return sql.list(staffMemberId.isEmpty() ? WHOLE_CLINIC : CARE_TEAMS,
                row -> new QueueRow(row.getObject(1, UUID.class), FlagRules.Level.valueOf(row.getString(2)),
                        FlagRules.Type.valueOf(row.getString(3)), row.getInt(4), ClinicSql.instant(row, 5),
                        SymptomFlag.Status.valueOf(row.getString(6)), row.getString(7)),
                parameters.toArray());
    }
}
