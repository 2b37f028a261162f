package org.acme.clinic.work;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The minimal bearer call with Backline's check-off added: the same JSON body, and the statements of
 * deploy/bench/check-off.pgbench.sql (the target read, the session, its audit row) in one transaction.
 */
@Path("/api/v1/assignments/{id}/sessions")
public class WorkCheckOff {
    public record CheckOff(LocalDate performedOn, List<Integer> holdSeconds, int discomfort, String feeling,
                           String note, boolean worseOrUnsafe, UUID idempotencyKey) {}

    private record Owner(String clinic, UUID client, UUID user) {}

    // Backline knows who the caller is from its membership cache; so does this, after the first call.
    private final Map<UUID, Owner> owners = new ConcurrentHashMap<>();

    @Inject AgroalDataSource dataSource;

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response checkOff(@PathParam("id") UUID assignment, CheckOff body) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Owner owner = owners.computeIfAbsent(assignment, a -> ownerOf(connection, a));
            try (PreparedStatement read = connection.prepareStatement("""
                    select a.*, p.*, s.* from assignment a
                    left join prescription p on p.clinic_id = a.clinic_id and p.assignment_id = a.id
                        and p.version = (select max(x.version) from prescription x where x.assignment_id = a.id)
                    left join session_log s on s.clinic_id = a.clinic_id
                        and (s.idempotency_key = ? or (s.assignment_id = a.id and s.performed_on = ?))
                    where a.clinic_id = ? and a.id = ? and a.client_id = ?""")) {
                read.setObject(1, body.idempotencyKey());
                read.setDate(2, Date.valueOf(body.performedOn()));
                read.setString(3, owner.clinic());
                read.setObject(4, assignment);
                read.setObject(5, owner.client());
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException();
                    }
                }
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into session_log (id, clinic_id, assignment_id, client_id, performed_on, hold_seconds,
                        discomfort, feeling, note, worse_or_unsafe, idempotency_key, recorded_at, corrected_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), null)""")) {
                insert.setObject(1, id);
                insert.setString(2, owner.clinic());
                insert.setObject(3, assignment);
                insert.setObject(4, owner.client());
                insert.setDate(5, Date.valueOf(body.performedOn()));
                insert.setArray(6, connection.createArrayOf("int4", body.holdSeconds().toArray()));
                insert.setInt(7, body.discomfort());
                insert.setString(8, body.feeling());
                insert.setString(9, body.note());
                insert.setBoolean(10, body.worseOrUnsafe());
                insert.setObject(11, body.idempotencyKey());
                insert.executeUpdate();
            }
            try (PreparedStatement audit = connection.prepareStatement("""
                    insert into audit_view_pending (id, clinic_id, client_id, actor_user_id, actor_name, action, detail,
                        request_id, happened_at)
                    values (?, ?, ?, ?, 'Floor client', 'checked off session', ?, ?, now())""")) {
                audit.setObject(1, UUID.randomUUID());
                audit.setString(2, owner.clinic());
                audit.setObject(3, owner.client());
                audit.setObject(4, owner.user());
                audit.setString(5, body.performedOn() + " (API)");
                audit.setString(6, UUID.randomUUID().toString());
                audit.executeUpdate();
            }
            return Response.status(Response.Status.CREATED)
                    .entity(Map.of("id", id, "performedOn", body.performedOn().toString())).build();
        }
    }

    private static Owner ownerOf(Connection connection, UUID assignment) {
        try (PreparedStatement owner = connection.prepareStatement("""
                select a.clinic_id, a.client_id, c.user_id from assignment a join client c on c.id = a.client_id
                where a.id = ?""")) {
            owner.setObject(1, assignment);
            try (ResultSet rs = owner.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException();
                }
                return new Owner(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
