package io.backline.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.backline.audit.AuditEvent;
import io.backline.clinic.CurrentClinic;
import io.backline.session.SessionLog;
import io.backline.symptom.SymptomFlag;

/**
 * Everything a client's page shows besides the client, read in one statement: their assignments with each one's
 * prescriptions, pauses, recent sessions and session days, who looked at their record, their flags, and the programs
 * to assign. Read one by one this took eight round trips to the database, more than the page's ≤ 4 budget.
 *
 * <p>
 * Each part is aggregated as JSON by PostgreSQL and turned back into the entity types the template already shows
 * (never managed, never written). The statement reads other features' tables, which they alone write; it names the
 * clinic on every table, as the tenant filter would.
 */
@ApplicationScoped
public class ClientPageQuery {
    /*
     * Recent sessions come through a lateral join on (clinic, assignment, day) so each assignment's newest are read
     * from the index, not ranked over its whole history. Session days are the whole history as numbers, which the
     * adherence figures need when they are not already computed.
     */
    private static final String PAGE = """
            with client_assignment as (
                select * from assignment where clinic_id = :clinic and client_id = :client
            )
            select
              (select coalesce(jsonb_agg(to_jsonb(a) order by case when a.status = 'ENDED' then 1 else 0 end, a.created_at desc), '[]')
               from client_assignment a)::text,
              (select coalesce(jsonb_agg(to_jsonb(p) order by p.version), '[]') from prescription p
               where p.clinic_id = :clinic and p.assignment_id in (select id from client_assignment))::text,
              (select coalesce(jsonb_agg(to_jsonb(e) order by e.happened_at), '[]') from assignment_event e
               where e.clinic_id = :clinic and e.assignment_id in (select id from client_assignment))::text,
              (select coalesce(jsonb_agg(to_jsonb(s) order by s.assignment_id, s.performed_on desc), '[]')
               from client_assignment a cross join lateral (
                   select * from session_log s where s.clinic_id = :clinic and s.assignment_id = a.id
                   order by s.performed_on desc limit :recent) s)::text,
              (select coalesce(jsonb_object_agg(d.assignment_id, d.days), '{}') from (
                   select s.assignment_id, array_agg(s.performed_on - date '1970-01-01' order by s.performed_on) as days
                   from session_log s where s.clinic_id = :clinic and s.assignment_id in (select id from client_assignment)
                   group by s.assignment_id) d)::text,
              (select coalesce(jsonb_agg(to_jsonb(v) order by v.happened_at desc), '[]') from (
                   select * from audit_event where clinic_id = :clinic and client_id = :client
                   order by happened_at desc limit :listed) v)::text,
              (select coalesce(jsonb_agg(to_jsonb(f) order by f.reported_at desc), '[]') from (
                   select * from symptom_flag where clinic_id = :clinic and client_id = :client
                   order by reported_at desc limit :listed) f)::text,
              (select coalesce(jsonb_agg(v.id order by v.created_at), '[]') from program_version v
               where v.clinic_id = :clinic and v.version = (select max(o.version) from program_version o
                   where o.clinic_id = :clinic and o.program_id = v.program_id))::text""";

    /** What the page shows; histories by assignment, oldest first, recent sessions newest first. */
    public record Rows(List<Assignment> assignments, Map<UUID, List<Prescription>> prescriptions,
            Map<UUID, List<AssignmentEvent>> events, Map<UUID, List<SessionLog>> recentSessions,
            Map<UUID, int[]> sessionDays, List<AuditEvent> access, List<SymptomFlag> flags,
            List<UUID> latestProgramVersions) {
    }

    @Inject
    CurrentClinic currentClinic;
    @Inject
    ObjectMapper objectMapper;

    private ObjectMapper rows;

    @PostConstruct
    void readColumnsAsFields() {
        // to_jsonb names each value after its column; the entities' fields are those names in camel case.
        rows = objectMapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The page's rows for a client the caller already found visible; {@code listed} caps the access and flag lists. */
    public Rows read(UUID clientId, int recentSessions, int listed) {
        Object[] row = (Object[]) Assignment.getEntityManager().createNativeQuery(PAGE, Object[].class)
                .setParameter("clinic", currentClinic.requireId()).setParameter("client", clientId)
                .setParameter("recent", recentSessions).setParameter("listed", listed)
                .getSingleResult();
        try {
            return new Rows(list(row[0], Assignment.class),
                    byAssignment(list(row[1], Prescription.class), p -> p.assignmentId),
                    byAssignment(list(row[2], AssignmentEvent.class), e -> e.assignmentId),
                    byAssignment(list(row[3], SessionLog.class), s -> s.assignmentId),
                    rows.readValue((String) row[4], new TypeReference<Map<UUID, int[]>>() {
                    }),
                    list(row[5], AuditEvent.class), list(row[6], SymptomFlag.class),
                    rows.readValue((String) row[7], new TypeReference<List<UUID>>() {
                    }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The client page's rows could not be read", e);
        }
    }

    private <T> List<T> list(Object json, Class<T> type) throws JsonProcessingException {
        return rows.readValue((String) json, rows.getTypeFactory().constructCollectionType(List.class, type));
    }

    private static <T> Map<UUID, List<T>> byAssignment(List<T> items, Function<T, UUID> assignmentOf) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        items.forEach(item -> grouped.computeIfAbsent(assignmentOf.apply(item), id -> new ArrayList<>()).add(item));
        return grouped;
    }
}
