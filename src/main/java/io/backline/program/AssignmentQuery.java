package io.backline.program;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * Assignment reads on the pages and API calls clients use most: native, naming the clinic, because Hibernate
 * translates tenant-filtered HQL anew on every run (docs/adr/0001).
 */
@ApplicationScoped
class AssignmentQuery {
    @Inject
    ClinicSql sql;

    /** A client's assignments, open ones first, newest first. */
    List<Assignment> ofClient(UUID clientId) {
        List<?> rows = sql.query("""
                select {a.*} from assignment a
                where a.clinic_id = :clinic and a.client_id = :client
                order by case when a.status = 'ENDED' then 1 else 0 end, a.created_at desc""")
                .addEntity("a", Assignment.class)
                .setParameter("client", clientId)
                .getResultList();
        return rows.stream().map(Assignment.class::cast).toList();
    }

    /** The assignment with this id and its current prescription, when it is the given client's own. */
    Optional<AssignmentService.Prescribed> prescribedFor(UUID assignmentId, UUID clientId) {
        List<?> rows = sql.query("""
                select {a.*}, {p.*} from assignment a
                %s
                where a.clinic_id = :clinic and a.id = :assignment and a.client_id = :client"""
                .formatted(AssignmentService.CURRENT_PRESCRIPTION))
                .addEntity("a", Assignment.class).addEntity("p", Prescription.class)
                .setParameter("assignment", assignmentId)
                .setParameter("client", clientId)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new AssignmentService.Prescribed((Assignment) row[0], (Prescription) row[1])).findFirst();
    }
}
