package io.backline.reminder;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;
import io.backline.notify.EmailSwitch;
import io.backline.notify.UnsubscribeLinks;
import io.backline.web.i18n.Texts;

/**
 * The reminder email's switch for a signed unsubscribe link, which names its own clinic (no one is signed in): reads
 * and turns off the client's reminder email.
 */
@ApplicationScoped
public class UnsubscribeQuery implements EmailSwitch {
    @Inject
    ClinicSql sql;

    @Override
    public String kind() {
        return ReminderSender.KIND;
    }

    @Override
    public String label() {
        return Texts.get("unsubscribe.kind.reminders");
    }

    @Override
    public String whereToTurnOn() {
        return Texts.get("unsubscribe.where.reminders");
    }

    @Override
    public Optional<State> state(UnsubscribeLinks.Subject subject) {
        // Across clinics: the signed link names the clinic; the row must belong to it.
        List<State> found = sql.listAcrossClinics("select c.name, s.email_on from reminder_settings s join clinic c on "
                + "c.id = s.clinic_id where s.clinic_id = ? and s.client_id = ?",
                row -> new State(row.getString(1), row.getBoolean(2)), subject.clinicId(), subject.personId());
        return found.stream().findFirst();
    }

    @Override
    public boolean turnOff(UnsubscribeLinks.Subject subject) {
        // Across clinics: the signed link names the clinic; the row must belong to it.
        return sql.updateAcrossClinics("update reminder_settings set email_on = false, updated_at = now() "
                + "where clinic_id = ? and client_id = ?", subject.clinicId(), subject.personId()) > 0;
    }
}
