package io.backline.practice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;

/**
 * The check-off's reads, the API's busiest write: native, naming the clinic (docs/adr/0001), read back as managed
 * entities. Unique indexes on (clinic, idempotency key) and (assignment, day) settle a race with a concurrent save.
 */
@ApplicationScoped
class CheckOffQuery {
    /*
     * The client's assignment with its current prescription, and the earlier save of this very submission or the
     * session already recorded on that day (at most two rows), in one statement.
     */
    private static final String TARGET = """
            select {a.*}, {p.*}, {s.*} from assignment a
            %s
            left join session_log s on s.clinic_id = a.clinic_id
                and (s.idempotency_key = :key or (s.assignment_id = a.id and s.performed_on = :day))
            where a.clinic_id = :clinic and a.id = :assignment and a.client_id = :client"""
            .formatted(AssignmentService.CURRENT_PRESCRIPTION);

    private static final String SAME_SUBMISSION_OR_DAY = """
            select {s.*} from session_log s where s.clinic_id = :clinic
            and (s.idempotency_key = :key or (s.assignment_id = :assignment and s.performed_on = :day))""";

    /** Whether any session of the clinic was saved with this key; says nothing of whose. */
    private static final String KEY_TAKEN = """
            select exists (select 1 from session_log where clinic_id = :clinic and idempotency_key = ?)""";

    @Inject
    ClinicSql sql;

    Optional<CheckOffService.Target> target(UUID assignmentId, UUID clientId, UUID idempotencyKey, LocalDate day) {
        List<?> rows = sql.query(TARGET)
                .addEntity("a", Assignment.class).addEntity("p", Prescription.class).addEntity("s", SessionLog.class)
                .setParameter("assignment", assignmentId).setParameter("client", clientId)
                .setParameter("key", idempotencyKey).setParameter("day", day)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = (Object[]) rows.get(0);
        List<SessionLog> related = rows.stream().map(row -> (SessionLog) ((Object[]) row)[2])
                .filter(Objects::nonNull).toList();
        return Optional.of(new CheckOffService.Target((Assignment) first[0], (Prescription) first[1], related));
    }

    boolean keyTaken(UUID idempotencyKey) {
        return sql.list(KEY_TAKEN, row -> row.getBoolean(1), idempotencyKey).get(0);
    }

    /** The earlier save of this very submission and the session already recorded on that day. */
    List<SessionLog> sameSubmissionOrDay(Assignment assignment, UUID idempotencyKey, LocalDate day) {
        return sql.query(SAME_SUBMISSION_OR_DAY).addEntity("s", SessionLog.class)
                .setParameter("key", idempotencyKey).setParameter("assignment", assignment.id).setParameter("day", day)
                .getResultList().stream().map(SessionLog.class::cast).toList();
    }
}
