package io.backline.notify;

import java.util.Optional;

/**
 * One kind of email a person can turn off from a signed link (reminders, messages, notifications). Each feature that
 * sends such an email provides one; the unsubscribe routes pick it by the token's kind, so they know no feature.
 */
public interface EmailSwitch {
    /** What the unsubscribe page shows: the clinic's name, and whether these emails are still on. */
    record State(String clinicName, boolean emailOn) {
    }

    /** The kind named in this switch's tokens. */
    String kind();

    /** What these emails are called on the page, such as "session reminder emails". */
    String label();

    /** Where in Backline the person turns them on again, such as "Today → Reminders". */
    String whereToTurnOn();

    /** The state for the person the link names, or empty when it names no one in that clinic. */
    Optional<State> state(UnsubscribeLinks.Subject subject);

    /** Turns these emails off for the person the link names; false when it names no one. */
    boolean turnOff(UnsubscribeLinks.Subject subject);
}
