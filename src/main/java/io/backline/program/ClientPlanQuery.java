package io.backline.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.clinic.CurrentClinic;
import io.backline.people.Client;

/**
 * The client with their newest open assignment and its current prescription, for the today page (the page clients
 * open most), in one statement read with plain JDBC (docs/adr/0003). The three objects are built here and are not
 * managed: the page only shows them and passes their ids on.
 */
@ApplicationScoped
class ClientPlanQuery {
    private static final String SQL = """
            select c.id, c.user_id, c.full_name, c.preferred_name, c.email, c.phone, c.active, c.notes,
                   c.deactivated_at, c.erased_at,
                   a.id, a.client_id, a.program_id, a.program_version_id, a.status, a.request_key, a.created_by,
                   a.created_at, a.ended_at, a.history_version,
                   p.id, p.version, p.hold_seconds, p.levels, p.sessions_per_week, p.start_date, p.end_date, p.notes,
                   p.created_by, p.created_at, c.screened_at
            from client c
            left join assignment a on a.clinic_id = c.clinic_id and a.client_id = c.id and a.status <> 'ENDED'
            %s
            where c.clinic_id = :clinic and c.id = ?
            order by a.created_at desc limit 1""".formatted(AssignmentService.CURRENT_PRESCRIPTION);

    @Inject
    ClinicSql sql;
    @Inject
    CurrentClinic currentClinic;

    Optional<AssignmentService.ClientPlan> find(UUID clientId) {
        String clinicId = currentClinic.requireId();
        return sql.list(SQL, row -> {
            Client client = client(row, clinicId);
            Assignment assignment = row.getObject(11) == null ? null : assignment(row, clinicId);
            Prescription prescription = row.getObject(21) == null ? null : prescription(row, clinicId, assignment);
            return new AssignmentService.ClientPlan(client, assignment, prescription);
        }, clientId).stream().findFirst();
    }

    private static Client client(ResultSet row, String clinicId) throws SQLException {
        Client client = new Client();
        client.id = row.getObject(1, UUID.class);
        client.clinicId = clinicId;
        client.userId = row.getObject(2, UUID.class);
        client.fullName = row.getString(3);
        client.preferredName = row.getString(4);
        client.email = row.getString(5);
        client.phone = row.getString(6);
        client.active = row.getBoolean(7);
        client.notes = row.getString(8);
        client.deactivatedAt = ClinicSql.instant(row, 9);
        client.erasedAt = ClinicSql.instant(row, 10);
        client.screenedAt = ClinicSql.instant(row, 31);
        return client;
    }

    private static Assignment assignment(ResultSet row, String clinicId) throws SQLException {
        Assignment assignment = new Assignment();
        assignment.id = row.getObject(11, UUID.class);
        assignment.clinicId = clinicId;
        assignment.clientId = row.getObject(12, UUID.class);
        assignment.programId = row.getObject(13, UUID.class);
        assignment.programVersionId = row.getObject(14, UUID.class);
        assignment.status = Assignment.Status.valueOf(row.getString(15));
        assignment.requestKey = row.getObject(16, UUID.class);
        assignment.createdBy = row.getObject(17, UUID.class);
        assignment.createdAt = ClinicSql.instant(row, 18);
        assignment.endedAt = ClinicSql.instant(row, 19);
        assignment.historyVersion = row.getLong(20);
        return assignment;
    }

    private static Prescription prescription(ResultSet row, String clinicId, Assignment assignment) throws SQLException {
        Prescription prescription = new Prescription();
        prescription.id = row.getObject(21, UUID.class);
        prescription.clinicId = clinicId;
        prescription.assignmentId = assignment.id;
        prescription.version = row.getInt(22);
        prescription.holdSeconds = row.getInt(23);
        prescription.levels = row.getInt(24);
        prescription.sessionsPerWeek = row.getInt(25);
        prescription.startDate = row.getObject(26, LocalDate.class);
        prescription.endDate = row.getObject(27, LocalDate.class);
        prescription.notes = row.getString(28);
        prescription.createdBy = row.getObject(29, UUID.class);
        prescription.createdAt = ClinicSql.instant(row, 30);
        return prescription;
    }
}
