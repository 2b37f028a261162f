package io.backline.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Everything Backline holds about one client, as a zip: one JSON file with every section, and one CSV per section
 * for spreadsheets. Each query names the clinic as well as the client, so an export can never reach across clinics.
 */
@ApplicationScoped
public class ClientExport {
    /** Section name, then the query; every query takes (clinic id, client id). */
    static final Map<String, String> SECTIONS = sections();

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper objectMapper;

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("profile", """
                select id, full_name, preferred_name, email, phone, notes, active, created_at, deactivated_at
                from client where clinic_id = ? and id = ?""");
        sections.put("care-team", """
                select s.full_name as trainer, s.email as trainer_email, m.lead
                from care_team_member m join staff_member s on s.id = m.staff_member_id
                where m.clinic_id = ? and m.client_id = ? order by m.lead desc, s.full_name""");
        sections.put("assignments", """
                select a.*, v.title as program_title, v.version as program_version
                from assignment a join program_version v on v.id = a.program_version_id
                where a.clinic_id = ? and a.client_id = ? order by a.created_at""");
        sections.put("prescriptions", """
                select p.* from prescription p join assignment a on a.id = p.assignment_id
                where a.clinic_id = ? and a.client_id = ? order by p.assignment_id, p.version""");
        sections.put("assignment-events", """
                select e.* from assignment_event e join assignment a on a.id = e.assignment_id
                where a.clinic_id = ? and a.client_id = ? order by e.happened_at""");
        sections.put("sessions", """
                select * from session_log where clinic_id = ? and client_id = ? order by performed_on""");
        sections.put("symptom-flags", """
                select * from symptom_flag where clinic_id = ? and client_id = ? order by reported_at""");
        sections.put("flag-notes", """
                select n.* from flag_note n join symptom_flag f on f.id = n.flag_id
                where f.clinic_id = ? and f.client_id = ? order by n.written_at""");
        sections.put("screenings", """
                select id, yes_answers, answered_by_staff, answered_at
                from screening where clinic_id = ? and client_id = ? order by answered_at""");
        sections.put("clearances", """
                select id, referral_id, professional_name, professional_role, cleared_on, with_limits, note,
                    recorded_by_name, recorded_at
                from clearance where clinic_id = ? and client_id = ? order by recorded_at""");
        sections.put("referral-drafts", """
                select * from referral_draft where clinic_id = ? and client_id = ? order by created_at""");
        sections.put("referrals", """
                select r.id, r.status, r.urgency, r.reason, r.message, r.appointment_on, r.provider_findings,
                    r.provider_recommendations, r.resume_answer, r.resume_answered_at, r.sent_at, r.acknowledged_at,
                    r.created_at,
                    p.full_name as provider, p.practice as provider_practice, p.specialty as provider_specialty
                from referral r join provider p on p.id = r.provider_id
                where r.clinic_id = ? and r.client_id = ? order by r.created_at""");
        sections.put("referral-consents", """
                select referral_id, given_by, method, recorded_by, given_at, revoked_at, revoked_by
                from referral_consent where clinic_id = ? and client_id = ? order by given_at""");
        sections.put("access-log", """
                select happened_at, actor_name, action, detail, request_id
                from audit_event where clinic_id = ? and client_id = ? order by happened_at""");
        return sections;
    }

    public void write(String clinicId, UUID clientId, OutputStream target) {
        Map<String, List<Map<String, Object>>> data = read(clinicId, clientId);
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("client.json"));
            zip.write(objectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(data));
            zip.closeEntry();
            for (var section : data.entrySet()) {
                zip.putNextEntry(new ZipEntry(section.getKey() + ".csv"));
                writeCsv(section.getValue(), columns(section.getKey(), clinicId, clientId, section.getValue()), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, List<Map<String, Object>>> read(String clinicId, UUID clientId) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (var section : SECTIONS.entrySet()) {
                data.put(section.getKey(), rows(connection, section.getValue(), clinicId, clientId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the client's data", e);
        }
        return data;
    }

    private final Map<String, List<String>> emptySectionColumns = new java.util.concurrent.ConcurrentHashMap<>();

    /** An empty section still gets its header row, so a spreadsheet shows what could have been there. */
    private List<String> columns(String section, String clinicId, UUID clientId, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            return new ArrayList<>(rows.get(0).keySet());
        }
        return emptySectionColumns.computeIfAbsent(section, name -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(SECTIONS.get(name))) {
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

    private static List<Map<String, Object>> rows(Connection connection, String sql, String clinicId, UUID clientId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, clinicId);
            statement.setObject(2, clientId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), plain(result.getObject(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Database values as JSON-friendly ones: timestamps and dates as ISO text, arrays as lists. */
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

    private static void writeCsv(List<Map<String, Object>> rows, List<String> columns, OutputStream zip)
            throws IOException {
        // The zip stream stays open after each section, so the printer is flushed but not closed.
        OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                values.add(value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : value);
            }
            printer.printRecord(values);
        }
        printer.flush();
    }
}
