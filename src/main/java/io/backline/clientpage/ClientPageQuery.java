package io.backline.clientpage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import io.backline.program.Assignment;
import io.backline.program.AssignmentEvent;
import io.backline.program.Prescription;
import io.backline.audit.AuditEvent;
import io.backline.clinic.ClinicSql;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.practice.SessionLog;
import io.backline.symptom.SymptomFlag;

/**
 * Everything a client's page shows, read in one statement: the client, if the signed-in person may see them, their
 * assignments with each one's prescriptions, pauses, recent sessions and session days, who looked at their record,
 * their flags, and the programs to assign. Read one by one this took nine round trips to the database, more than the
 * page's ≤ 4 budget.
 *
 * <p>
 * Each part is aggregated as JSON by PostgreSQL, read with plain JDBC (docs/adr/0003) and turned back into the entity
 * types the template already shows (never managed, never written). The statement reads other features' tables, which
 * they alone write; it names the clinic on every table, as the tenant filter would.
 */
@ApplicationScoped
public class ClientPageQuery {
    /*
     * Nothing of a client the signed-in person may not see is read: every part about the client is gated on
     * visible_client (an uncorrelated exists, which PostgreSQL checks once, before the part's scan). Recent sessions
     * come through a lateral join on (clinic, assignment, day) so each assignment's newest are read from the index,
     * not ranked over its whole history. Session days are the whole history as numbers, which the adherence figures
     * need when they are not already computed. The recent sessions, the access list and the flags carry only the
     * fields the page shows: each value read back is parsed, and a row's ids and timestamps were most of the parsing.
     * Plain json, not jsonb: the text is all that is read, and building jsonb's binary form first cost a third of the
     * statement's time. Who looked is read from the chained trail and the views still waiting, not through the
     * audit_trail view: the waiting rows' table holds the dead rows the chaining job left until autovacuum comes, and
     * a newest-first read of it stepped over all of them for the client on every view (docs/adr/0058). Only waiting
     * rows at least as new as the listed-th newest chained one can be among the newest listed, so the read stops there.
     */
    private static final String PAGE = """
            with visible_client as (
                select * from client c where c.id = ? and %s
            ), client_assignment as (
                select * from assignment where clinic_id = :clinic and client_id = ?
                    and exists (select 1 from visible_client)
            ), access_key as (
                select ?::uuid as client_id, ?::int as listed where exists (select 1 from visible_client)
            )
            select
              (select to_json(c) from visible_client c)::text,
              (select coalesce(json_agg(to_json(a) order by case when a.status = 'ENDED' then 1 else 0 end, a.created_at desc), '[]')
               from client_assignment a)::text,
              (select coalesce(json_agg(to_json(p) order by p.version), '[]') from prescription p
               where p.clinic_id = :clinic and p.assignment_id in (select id from client_assignment))::text,
              (select coalesce(json_agg(to_json(e) order by e.happened_at), '[]') from assignment_event e
               where e.clinic_id = :clinic and e.assignment_id in (select id from client_assignment))::text,
              (select coalesce(json_agg(json_build_object('assignment_id', s.assignment_id,
                       'performed_on', s.performed_on, 'hold_seconds', s.hold_seconds, 'discomfort', s.discomfort,
                       'feeling', s.feeling, 'note', s.note, 'worse_or_unsafe', s.worse_or_unsafe)
                       order by s.assignment_id, s.performed_on desc), '[]')
               from client_assignment a cross join lateral (
                   select * from session_log s where s.clinic_id = :clinic and s.assignment_id = a.id
                   order by s.performed_on desc limit ?) s)::text,
              (select coalesce(json_object_agg(d.assignment_id, d.days), '{}') from (
                   select s.assignment_id, array_agg(s.performed_on - date '1970-01-01' order by s.performed_on) as days
                   from session_log s where s.clinic_id = :clinic and s.assignment_id in (select id from client_assignment)
                   group by s.assignment_id) d)::text,
              (select coalesce(json_agg(json_build_object('happened_at', v.happened_at, 'actor_name', v.actor_name,
                       'action', v.action, 'detail', v.detail) order by v.happened_at desc), '[]') from (
                   (select e.happened_at, e.actor_name, e.action, e.detail from audit_event e
                    where e.clinic_id = :clinic and e.client_id = (select client_id from access_key)
                    order by e.happened_at desc limit (select listed from access_key))
                   union all
                   (select w.happened_at, w.actor_name, w.action, w.detail from audit_view_pending w
                    where w.clinic_id = :clinic and w.client_id = (select client_id from access_key)
                      and w.happened_at >= coalesce((select e.happened_at from audit_event e
                          where e.clinic_id = :clinic and e.client_id = (select client_id from access_key)
                          order by e.happened_at desc offset greatest((select listed from access_key) - 1, 0) limit 1), '-infinity')
                    order by w.happened_at desc limit (select listed from access_key))
                   order by happened_at desc limit (select listed from access_key)) v)::text,
              (select coalesce(json_agg(json_build_object('id', f.id, 'reported_at', f.reported_at, 'level', f.level,
                       'type', f.type, 'severity', f.severity, 'explanation', f.explanation, 'status', f.status)
                       order by f.reported_at desc), '[]') from (
                   select * from symptom_flag where clinic_id = :clinic and client_id = ?
                       and exists (select 1 from visible_client)
                   order by reported_at desc limit ?) f)::text,
              (select coalesce(json_agg(v.id order by v.created_at), '[]') from program_version v
               where v.clinic_id = :clinic and v.version = (select max(o.version) from program_version o
                   where o.clinic_id = :clinic and o.program_id = v.program_id))::text"""
            .formatted(ClientAccess.VISIBLE_BY_POSITION);

    /**
     * What the page shows; histories by assignment, oldest first, recent sessions newest first. Recent sessions,
     * access entries and flags have only the fields the page shows filled in. No client: there is none by that id in
     * this clinic, or the signed-in trainer is not on their care team; nothing about them is read then, and only the
     * programs to assign are filled in.
     */
    public record Rows(Optional<Client> client, List<Assignment> assignments, Map<UUID, List<Prescription>> prescriptions,
            Map<UUID, List<AssignmentEvent>> events, Map<UUID, List<SessionLog>> recentSessions,
            Map<UUID, int[]> sessionDays, List<AuditEvent> access, List<SymptomFlag> flags,
            List<UUID> latestProgramVersions) {
    }

    @Inject
    ClientAccess access;
    @Inject
    ClinicSql sql;
    @Inject
    ObjectMapper objectMapper;

    private ObjectMapper rows;

    @PostConstruct
    void readColumnsAsFields() {
        // to_json names each value after its column; the entities' fields are those names in camel case.
        rows = objectMapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * The page's rows for a client, with the client when the signed-in person may see them (the check the other
     * client pages make with {@link ClientAccess#visibleClient}); {@code listed} caps the access and flag lists.
     */
    public Rows read(UUID clientId, int recentSessions, int listed) {
        Object[] visibility = access.visibilityValues();
        // The marks in the statement's order: the client and the visibility rule, then each part's own.
        return sql.list(PAGE, this::rows, clientId, visibility[0], visibility[1], clientId, clientId, listed,
                recentSessions, clientId, listed).getFirst();
    }

    private Rows rows(ResultSet row) throws SQLException {
        try {
            String client = row.getString(1);
            return new Rows(client == null ? Optional.empty() : Optional.of(rows.readValue(client, Client.class)),
                    list(row.getString(2), Assignment.class),
                    byAssignment(list(row.getString(3), Prescription.class), p -> p.assignmentId),
                    byAssignment(list(row.getString(4), AssignmentEvent.class), e -> e.assignmentId),
                    byAssignment(list(row.getString(5), SessionLog.class), s -> s.assignmentId),
                    rows.readValue(row.getString(6), new TypeReference<Map<UUID, int[]>>() {
                    }),
                    list(row.getString(7), AuditEvent.class), list(row.getString(8), SymptomFlag.class),
                    rows.readValue(row.getString(9), new TypeReference<List<UUID>>() {
                    }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The client page's rows could not be read", e);
        }
    }

    private <T> List<T> list(String json, Class<T> type) throws JsonProcessingException {
        return rows.readValue(json, rows.getTypeFactory().constructCollectionType(List.class, type));
    }

    private static <T> Map<UUID, List<T>> byAssignment(List<T> items, Function<T, UUID> assignmentOf) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        items.forEach(item -> grouped.computeIfAbsent(assignmentOf.apply(item), id -> new ArrayList<>()).add(item));
        return grouped;
    }
}
