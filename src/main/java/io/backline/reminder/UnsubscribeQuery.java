package io.backline.reminder;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.notify.UnsubscribeLinks;

/** Reads and turns off a client's reminder email for a signed link, which names its own clinic (no one is signed in). */
@ApplicationScoped
public class UnsubscribeQuery {
    /** What the link's page shows: the clinic's name, and whether reminders are still on. */
    public record State(String clinicName, boolean emailOn) {
    }

    @Inject
    ClinicSql sql;

    /** The state for a valid reminders link, or null when it names no settings. */
    State state(UnsubscribeLinks.Subject subject) {
        // Across clinics: the signed link names the clinic; the row must belong to it.
        List<State> found = sql.listAcrossClinics("select c.name, s.email_on from reminder_settings s join clinic c on "
                + "c.id = s.clinic_id where s.clinic_id = ? and s.client_id = ?",
                row -> new State(row.getString(1), row.getBoolean(2)), subject.clinicId(), subject.personId());
        return found.isEmpty() ? null : found.get(0);
    }

    /** Turns the reminder email off; true when the link named settings. */
    boolean turnOff(UnsubscribeLinks.Subject subject) {
        // Across clinics: the signed link names the clinic; the row must belong to it.
        return sql.updateAcrossClinics("update reminder_settings set email_on = false, updated_at = now() "
                + "where clinic_id = ? and client_id = ?", subject.clinicId(), subject.personId()) > 0;
    }

    /** The subject of a valid, unexpired reminders link. */
    static java.util.Optional<UnsubscribeLinks.Subject> reminders(UnsubscribeLinks links, String token) {
        return links.check(token).filter(subject -> ReminderSender.KIND.equals(subject.kind()));
    }

}
