package io.backline.people;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/** Care-team changes that are one statement in SQL and one per client in entities. */
@ApplicationScoped
class CareTeamQuery {
    @Inject
    ClinicSql sql;

    /**
     * The successor leads every given client: promoted where already on the team, added elsewhere. A Hibernate native
     * statement, so that the session's pending changes to the care team are flushed first.
     */
    void handOver(List<UUID> clients, UUID successorId) {
        sql.query("""
                insert into care_team_member (clinic_id, client_id, staff_member_id, lead)
                select :clinic, client_id, :successor, true from unnest(cast(:clients as uuid[])) as led(client_id)
                on conflict (client_id, staff_member_id) do update set lead = true""")
                .setParameter("successor", successorId).setParameter("clients", clients.toArray(UUID[]::new))
                .executeUpdate();
    }
}
