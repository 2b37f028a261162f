package io.backline.safety;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * What asks for a clearance, read in one statement by table: the newest red or emergency flag, and the newest
 * screening with a "yes" (a later "no" never lifts it).
 */
@ApplicationScoped
public class ClearanceQuery {
    private static final String EVENTS = """
            select (select max(reported_at) from symptom_flag
                    where clinic_id = :clinic and client_id = ? and level in ('EMERGENCY', 'RED')),
                   (select max(answered_at) from screening
                    where clinic_id = :clinic and client_id = ? and cardinality(yes_answers) > 0)""";

    @Inject
    ClinicSql sql;

    /** The newest urgent flag and the newest "yes", either null when there is none. */
    public record Events(Instant urgentFlag, Instant latestYes) {
    }

    public Events events(UUID clientId) {
        return sql.list(EVENTS, row -> new Events(ClinicSql.instant(row, 1), ClinicSql.instant(row, 2)), clientId,
                clientId).get(0);
    }
}
