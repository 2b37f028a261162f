package io.backline.symptom;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.query.NativeQuery;

import io.backline.clinic.CareTeamRule;
import io.backline.clinic.ClinicSql;
import io.backline.people.Client;

/**
 * The flag queue's page in one statement, naming the clinic, with the clients joined in (docs/adr/0001). Both come
 * back as managed entities. The status and levels are literals so that the planner can always use the partial index
 * on open flags.
 */
@ApplicationScoped
public class FlagQueueQuery {
    private static final String QUEUE = """
            select {f.*}, {c.*} from symptom_flag f
            join client c on c.clinic_id = f.clinic_id and c.id = f.client_id
            where f.clinic_id = :clinic and f.status <> 'RESOLVED' and f.level <> 'GREEN' %s
            order by case f.level when 'EMERGENCY' then 0 when 'RED' then 1 else 2 end, f.reported_at
            limit :limit offset :offset""";

    @Inject
    ClinicSql sql;

    /** A flag in the queue, with the client it concerns. */
    public record QueueRow(SymptomFlag flag, Client client) {
    }

    /** One page of the queue: the whole clinic's for an admin, the care teams' of a staff member otherwise. */
    public List<QueueRow> read(Optional<UUID> staffMemberId, int pageIndex, int pageSize) {
        String careTeam = staffMemberId.isEmpty() ? ""
                : "and " + CareTeamRule.onCareTeam("f.clinic_id", "f.client_id", ":staff");
        NativeQuery<?> query = sql.query(QUEUE.formatted(careTeam))
                .addEntity("f", SymptomFlag.class).addEntity("c", Client.class)
                .setParameter("limit", pageSize).setParameter("offset", pageIndex * pageSize);
        staffMemberId.ifPresent(staff -> query.setParameter("staff", staff));
        return query.getResultList().stream().map(Object[].class::cast)
                .map(row -> new QueueRow((SymptomFlag) row[0], (Client) row[1])).toList();
    }
}
