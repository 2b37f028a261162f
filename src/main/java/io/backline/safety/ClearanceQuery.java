package io.backline.safety;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.backline.clinic.CurrentClinic;

/**
 * What asks for a clearance, read in one statement by table: the newest red or emergency flag, and the newest
 * screening with a "yes" (a later "no" never lifts it).
 */
@ApplicationScoped
public class ClearanceQuery {
    private static final String EVENTS = """
            select (select max(reported_at) from symptom_flag
                    where clinic_id = :clinic and client_id = :client and level in ('EMERGENCY', 'RED')),
                   (select max(answered_at) from screening
                    where clinic_id = :clinic and client_id = :client and cardinality(yes_answers) > 0)""";

    @Inject
    EntityManager entityManager;
    @Inject
    CurrentClinic currentClinic;

    /** The newest urgent flag and the newest "yes", either null when there is none. */
    public record Events(Instant urgentFlag, Instant latestYes) {
    }

    public Events events(UUID clientId) {
        Object[] row = (Object[]) entityManager.createNativeQuery(EVENTS, Object[].class)
                .setParameter("clinic", currentClinic.requireId()).setParameter("client", clientId)
                .getSingleResult();
        return new Events(instant(row[0]), instant(row[1]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.time.OffsetDateTime time -> time.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected time type " + value.getClass().getName());
        };
    }
}
