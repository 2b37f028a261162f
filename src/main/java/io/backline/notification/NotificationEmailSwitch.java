package io.backline.notification;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.notify.EmailSwitch;
import io.backline.notify.UnsubscribeLinks;
import io.backline.web.i18n.Texts;

/** The notification email's unsubscribe: a link names the client. */
@ApplicationScoped
public class NotificationEmailSwitch implements EmailSwitch {
    static final String KIND = "notifications";

    @Inject
    NotificationQuery query;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return Texts.get("unsubscribe.kind.notifications");
    }

    @Override
    public String whereToTurnOn() {
        return Texts.get("unsubscribe.where.reminders");
    }

    @Override
    public Optional<State> state(UnsubscribeLinks.Subject subject) {
        return query.switchState(subject.clinicId(), subject.personId());
    }

    @Override
    public boolean turnOff(UnsubscribeLinks.Subject subject) {
        if (state(subject).isEmpty()) {
            return false;
        }
        query.turnOffByLink(subject.clinicId(), subject.personId());
        return true;
    }
}
