package io.backline.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/**
 * The export's statements: one per section, each naming the clinic as well as the client, so an export can never
 * reach across clinics. Values come back JSON-friendly: timestamps and dates as ISO text, arrays as lists.
 */
@ApplicationScoped
class ExportQuery {
    /** Section name, then the query; every query names {@code :clinic} and takes the client id. */
    static final Map<String, String> SECTIONS = sections();

    @Inject
    ClinicSql sql;
    /** Only for an empty section's column labels, from the statement's metadata, which ClinicSql does not expose. */
    @Inject
    DataSource dataSource;

    private final Map<String, List<String>> emptySectionColumns = new ConcurrentHashMap<>();

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("profile", """
                select id, full_name, preferred_name, email, phone, notes, active, created_at, deactivated_at
                from client where clinic_id = :clinic and id = ?""");
        sections.put("care-team", """
                select s.full_name as trainer, s.email as trainer_email, m.lead
                from care_team_member m join staff_member s on s.id = m.staff_member_id
                where m.clinic_id = :clinic and m.client_id = ? order by m.lead desc, s.full_name""");
        sections.put("assignments", """
                select a.*, v.title as program_title, v.version as program_version
                from assignment a join program_version v on v.id = a.program_version_id
                where a.clinic_id = :clinic and a.client_id = ? order by a.created_at""");
        sections.put("prescriptions", """
                select p.* from prescription p join assignment a on a.id = p.assignment_id
                where a.clinic_id = :clinic and a.client_id = ? order by p.assignment_id, p.version""");
        sections.put("assignment-events", """
                select e.* from assignment_event e join assignment a on a.id = e.assignment_id
                where a.clinic_id = :clinic and a.client_id = ? order by e.happened_at""");
        sections.put("sessions", """
                select * from session_log where clinic_id = :clinic and client_id = ? order by performed_on""");
        sections.put("symptom-flags", """
                select * from symptom_flag where clinic_id = :clinic and client_id = ? order by reported_at""");
        sections.put("flag-notes", """
                select n.* from flag_note n join symptom_flag f on f.id = n.flag_id
                where f.clinic_id = :clinic and f.client_id = ? order by n.written_at""");
        sections.put("screenings", """
                select id, yes_answers, answered_by_staff, answered_at
                from screening where clinic_id = :clinic and client_id = ? order by answered_at""");
        sections.put("clearances", """
                select id, referral_id, professional_name, professional_role, cleared_on, with_limits, note,
                    recorded_by_name, recorded_at
                from clearance where clinic_id = :clinic and client_id = ? order by recorded_at""");
        sections.put("referral-drafts", """
                select * from referral_draft where clinic_id = :clinic and client_id = ? order by created_at""");
        sections.put("referrals", """
                select r.id, r.status, r.urgency, r.reason, r.message, r.appointment_on, r.provider_findings,
                    r.provider_recommendations, r.resume_answer, r.resume_answered_at, r.sent_at, r.acknowledged_at,
                    r.created_at,
                    p.full_name as provider, p.practice as provider_practice, p.specialty as provider_specialty
                from referral r join provider p on p.id = r.provider_id
                where r.clinic_id = :clinic and r.client_id = ? order by r.created_at""");
        sections.put("referral-consents", """
                select referral_id, given_by, method, recorded_by, given_at, revoked_at, revoked_by
                from referral_consent where clinic_id = :clinic and client_id = ? order by given_at""");
        sections.put("messages", """
                select id, written_at, author_name, from_client, body, session_id, flag_id, flag_note_id from message
                where clinic_id = :clinic and client_id = ? order by written_at""");
        sections.put("reminder-settings", """
                select days, remind_at, quiet_from, quiet_until, email_on, updated_at
                from reminder_settings where clinic_id = :clinic and client_id = ?""");
        // The calendar address's existence, never its secret (only a hash of it is kept anyway).
        sections.put("calendar-feed", """
                select created_at, revoked_at from calendar_feed where clinic_id = :clinic and client_id = ?
                order by created_at""");
        sections.put("email-preferences", """
                select
                    exists (select 1 from reminder_settings r where r.clinic_id = c.clinic_id and r.client_id = c.id
                            and r.email_on) as reminder_emails,
                    not exists (select 1 from message_mail_off m where m.clinic_id = c.clinic_id
                                and m.user_id = c.user_id) as message_emails,
                    not exists (select 1 from notification_mail_off n where n.clinic_id = c.clinic_id
                                and n.client_id = c.id) as update_emails
                from client c where c.clinic_id = :clinic and c.id = ?""");
        sections.put("notifications", """
                select id, kind, subject_id, created_at, read_at from notification
                where clinic_id = :clinic and client_id = ? order by created_at""");
        sections.put("access-log", """
                select happened_at, actor_name, action, detail, request_id
                from audit_trail where clinic_id = :clinic and client_id = ? order by happened_at""");
        return sections;
    }

    /** Every section's rows, each row its columns by label, in order. */
    Map<String, List<Map<String, Object>>> read(UUID clientId) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        for (var section : SECTIONS.entrySet()) {
            data.put(section.getKey(), sql.list(section.getValue(), ExportQuery::row, clientId));
        }
        return data;
    }

    /** The column labels of a section, read once from the statement's metadata without running it. */
    List<String> columns(String section) {
        return emptySectionColumns.computeIfAbsent(section, name -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            SECTIONS.get(name).replace(":clinic", "?"))) {
                ResultSetMetaData meta = statement.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnLabel(i));
                }
                return names;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<String, Object> row(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), plain(result.getObject(i)));
        }
        return row;
    }

    private static Object plain(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case java.sql.Timestamp timestamp -> timestamp.toInstant().toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case java.sql.Array array -> List.of((Object[]) array.getArray());
            case UUID uuid -> uuid.toString();
            default -> value;
        };
    }
}
