package io.backline.message;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.notify.EmailSwitch;
import io.backline.notify.UnsubscribeLinks;
import io.backline.web.i18n.Texts;

/** The "new message" email's unsubscribe: a link names the person's user id, for clients and staff alike. */
@ApplicationScoped
public class MessageEmailSwitch implements EmailSwitch {
    static final String KIND = "messages";

    @Inject
    MessageQuery query;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return Texts.get("unsubscribe.kind.messages");
    }

    @Override
    public String whereToTurnOn() {
        return Texts.get("unsubscribe.where.messages");
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
