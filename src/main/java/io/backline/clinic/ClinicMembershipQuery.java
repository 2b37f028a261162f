package io.backline.clinic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The membership statement, for {@link ClinicMembershipRoles} when {@link MembershipCache} does not know the answer. */
@ApplicationScoped
class ClinicMembershipQuery {
    /*
     * Plain JDBC with the clinic named explicitly: this runs while the identity is being built, before the request's
     * clinic (and so Hibernate's tenant filter) can be known. One statement: the clinic's row and the person's active
     * staff and client rows in it.
     */
    private static final String MEMBERSHIP = """
            select c.id, c.name, c.city, c.timezone, c.disengaged_after_days, c.red_severity, c.amber_severity,
                   c.pain_rise, c.discomfort_rise, c.ambers_for_red, c.amber_window_days, c.escalate_after_hours,
                   c.alert_emails, c.referral_ack_days, c.phone, c.answers_within_hours, s.id as staff_id, s.role,
                   cl.id as client_id, cl.language as client_language
            from clinic c
            left join staff_member s on s.clinic_id = c.id and s.user_id = ? and s.active
            left join client cl on cl.clinic_id = c.id and cl.user_id = ? and cl.active
            where c.id = ?""";

    /** The pool, not ClinicSql: this runs during authentication, before the request has a clinic or an ORM session. */
    @Inject
    DataSource dataSource;

    Optional<ClinicMember> memberOf(String clinicId, UUID userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(MEMBERSHIP)) {
            statement.setObject(1, userId);
            statement.setObject(2, userId);
            statement.setString(3, clinicId);
            try (ResultSet rows = statement.executeQuery()) {
                Clinic clinic = null;
                UUID staffId = null;
                UUID clientId = null;
                String clientLanguage = null;
                Set<String> roles = new HashSet<>();
                while (rows.next()) {
                    clinic = clinic != null ? clinic : clinic(rows);
                    if (rows.getObject("staff_id") != null) {
                        staffId = rows.getObject("staff_id", UUID.class);
                        roles.add(rows.getString("role"));
                    }
                    if (rows.getObject("client_id") != null) {
                        clientId = rows.getObject("client_id", UUID.class);
                        clientLanguage = rows.getString("client_language");
                        roles.add(ClinicMembershipRoles.CLIENT_ROLE);
                    }
                }
                return clinic == null ? Optional.empty()
                        : Optional.of(new ClinicMember(clinic, Optional.ofNullable(staffId), Optional.ofNullable(clientId),
                                Set.copyOf(roles), Optional.ofNullable(clientLanguage)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read clinic membership", e);
        }
    }

    /** A detached copy for reading; changes go through {@code Clinic.findById} (ClinicSettings). */
    private static Clinic clinic(ResultSet row) throws SQLException {
        Clinic clinic = new Clinic();
        clinic.id = row.getString("id");
        clinic.name = row.getString("name");
        clinic.city = row.getString("city");
        clinic.timezone = row.getString("timezone");
        clinic.disengagedAfterDays = row.getInt("disengaged_after_days");
        clinic.redSeverity = row.getInt("red_severity");
        clinic.amberSeverity = row.getInt("amber_severity");
        clinic.painRise = row.getInt("pain_rise");
        clinic.discomfortRise = row.getInt("discomfort_rise");
        clinic.ambersForRed = row.getInt("ambers_for_red");
        clinic.amberWindowDays = row.getInt("amber_window_days");
        clinic.escalateAfterHours = row.getInt("escalate_after_hours");
        clinic.alertEmails = row.getBoolean("alert_emails");
        clinic.referralAckDays = row.getInt("referral_ack_days");
        clinic.phone = row.getString("phone");
        clinic.answersWithinHours = row.getObject("answers_within_hours", Integer.class);
        return clinic;
    }
}
