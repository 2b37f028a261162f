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

/** The sign-in's one membership statement, for {@link ClinicMembershipRoles}. */
@ApplicationScoped
class ClinicMembershipQuery {
    /*
     * Plain JDBC with the clinic named explicitly: this runs while the identity is being built, before the request's
     * clinic (and so Hibernate's tenant filter) can be known. One statement answers for the whole request: the
     * clinic's row, the person's active staff and client rows in it, and for staff the count of open flags that
     * every staff page shows in its header and polls every 30 seconds (pages would otherwise each query them). The
     * count uses V10's partial index and is only evaluated for staff; the menus' unread messages likewise (V20's index),
     * and a client's unread notifications (V21's).
     */
    private static final String MEMBERSHIP = """
            select c.id, c.name, c.city, c.timezone, c.disengaged_after_days, c.red_severity, c.amber_severity,
                   c.pain_rise, c.discomfort_rise, c.ambers_for_red, c.amber_window_days, c.escalate_after_hours,
                   c.alert_emails, c.referral_ack_days, c.phone, c.answers_within_hours, s.id as staff_id, s.role, cl.id as client_id, cl.language as client_language,
                   case when s.role = '%1$s' then
                            (select count(*) from symptom_flag f
                             where f.clinic_id = c.id and f.status <> 'RESOLVED' and f.level <> 'GREEN')
                        when s.id is not null then
                            (select count(*) from symptom_flag f
                             where f.clinic_id = c.id and f.status <> 'RESOLVED' and f.level <> 'GREEN'
                               and %2$s)
                        else 0 end as open_flags,
                   case when s.id is not null then
                            (select count(*) from message g
                             left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id
                                 and r.user_id = ?
                             where g.clinic_id = c.id and g.from_client and g.written_at > coalesce(r.read_at, '-infinity')
                               and (s.role = '%1$s' or %3$s))
                        else 0 end as unread_as_staff,
                   case when cl.id is not null then
                            (select count(*) from message g
                             left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id
                                 and r.user_id = ?
                             where g.clinic_id = c.id and g.client_id = cl.id and not g.from_client
                               and g.written_at > coalesce(r.read_at, '-infinity'))
                        else 0 end as unread_as_client,
                   case when cl.id is not null then
                            (select count(*) from notification n
                             where n.clinic_id = c.id and n.client_id = cl.id and n.read_at is null)
                        else 0 end as unread_notifications
            from clinic c
            left join staff_member s on s.clinic_id = c.id and s.user_id = ? and s.active
            left join client cl on cl.clinic_id = c.id and cl.user_id = ? and cl.active
            where c.id = ?""".formatted(ClinicMembershipRoles.ADMIN_ROLE, CareTeamRule.onCareTeam("f.clinic_id", "f.client_id", "s.id"),
            CareTeamRule.onCareTeam("g.clinic_id", "g.client_id", "s.id"));

    /** The pool, not ClinicSql: this runs during authentication, before the request has a clinic or an ORM session. */
    @Inject
    DataSource dataSource;

    Optional<ClinicMember> memberOf(String clinicId, UUID userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(MEMBERSHIP)) {
            statement.setObject(1, userId);
            statement.setObject(2, userId);
            statement.setObject(3, userId);
            statement.setObject(4, userId);
            statement.setString(5, clinicId);
            try (ResultSet rows = statement.executeQuery()) {
                Clinic clinic = null;
                UUID staffId = null;
                UUID clientId = null;
                String clientLanguage = null;
                long openFlags = 0;
                long unreadAsStaff = 0;
                long unreadAsClient = 0;
                long unreadNotifications = 0;
                Set<String> roles = new HashSet<>();
                while (rows.next()) {
                    clinic = clinic != null ? clinic : clinic(rows);
                    if (rows.getObject("staff_id") != null) {
                        staffId = rows.getObject("staff_id", UUID.class);
                        roles.add(rows.getString("role"));
                        openFlags = rows.getLong("open_flags");
                        unreadAsStaff = rows.getLong("unread_as_staff");
                    }
                    if (rows.getObject("client_id") != null) {
                        clientId = rows.getObject("client_id", UUID.class);
                        clientLanguage = rows.getString("client_language");
                        roles.add(ClinicMembershipRoles.CLIENT_ROLE);
                        unreadAsClient = rows.getLong("unread_as_client");
                        unreadNotifications = rows.getLong("unread_notifications");
                    }
                }
                return clinic == null ? Optional.empty()
                        : Optional.of(new ClinicMember(clinic, Optional.ofNullable(staffId), Optional.ofNullable(clientId),
                                Set.copyOf(roles), openFlags, unreadAsStaff, unreadAsClient, unreadNotifications,
                                Optional.ofNullable(clientLanguage)));
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
