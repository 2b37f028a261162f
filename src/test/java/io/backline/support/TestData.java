package io.backline.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;

/**
 * Rows for a test, written straight into the test database (the app's own code reaches them only through the
 * clinic filter, which needs a signed-in request).
 */
public final class TestData {
    private TestData() {
    }

    /** A new client on the given trainer's care team (lead), with no Keycloak account. */
    public static UUID clientOnCareTeam(String clinicId, String trainerUsername, String fullName) {
        UUID id = UUID.randomUUID();
        sql("insert into client (id, clinic_id, full_name, email) values (?::uuid, ?, ?, ?)",
                id.toString(), clinicId, fullName, id + "@test.example");
        sql("insert into care_team_member (clinic_id, client_id, staff_member_id, lead) values (?, ?::uuid, ?::uuid, true)",
                clinicId, id.toString(), Demo.staffId(trainerUsername).toString());
        return id;
    }

    /**
     * An active assignment of the clinic's built-in program to a client, made by a trainer, with a first prescription
     * (60 s holds at 3 levels) starting on {@code start}; returns the assignment's id.
     */
    public static UUID assignBuiltInProgram(String clinicId, UUID clientId, String trainerUsername, LocalDate start,
            int sessionsPerWeek) {
        UUID assignment = UUID.randomUUID();
        String staff = Demo.staffId(trainerUsername).toString();
        sql("""
                insert into assignment (id, clinic_id, client_id, program_id, program_version_id, status, request_key, created_by)
                select ?::uuid, ?, ?::uuid, v.program_id, v.id, 'ACTIVE', gen_random_uuid(), ?::uuid
                from program_version v join program p on p.id = v.program_id
                where p.clinic_id = ? and p.built_in_key is not null""",
                assignment.toString(), clinicId, clientId.toString(), staff, clinicId);
        sql("""
                insert into prescription (id, clinic_id, assignment_id, version, hold_seconds, levels, sessions_per_week,
                    start_date, created_by) values (gen_random_uuid(), ?, ?::uuid, 1, 60, 3, ?, ?, ?::uuid)""",
                clinicId, assignment.toString(), sessionsPerWeek, start, staff);
        return assignment;
    }

    /**
     * Ends every open assignment of a demo client and records a clearance after whatever an earlier test reported, so
     * a test starts from "no program, free to start one".
     */
    public static void endOpenAssignments(UUID clientId) {
        sql("update assignment set status = 'ENDED', ended_at = now() where client_id = ?::uuid and status <> 'ENDED'",
                clientId.toString());
        clear(clientId);
    }

    /** A physician's clearance for the client, recorded now, as a trainer would after a red flag. */
    public static void clear(UUID clientId) {
        sql("""
                insert into clearance (id, clinic_id, client_id, professional_name, professional_role, cleared_on, note,
                    recorded_by_name, request_key)
                select gen_random_uuid(), clinic_id, id, 'Dr. Test Clearance', 'PHYSICIAN', current_date,
                    'Cleared for the test', 'Test data', gen_random_uuid()
                from client where id = ?::uuid""", clientId.toString());
    }

    /** Moves a client's open assignment into a given state, as if a trainer had done it earlier. */
    public static void setStatus(UUID clientId, String status) {
        sql("update assignment set status = ? where client_id = ?::uuid and status <> 'ENDED'", status, clientId.toString());
    }

    public static long count(String query, Object... args) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = prepare(connection, query, args);
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(String query, Object... args) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = prepare(connection, query, args);
                var rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sql(String update, Object... args) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = prepare(connection, update, args)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }
}
