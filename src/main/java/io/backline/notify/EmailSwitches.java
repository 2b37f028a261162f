package io.backline.notify;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The switch a valid, unexpired unsubscribe token names by its kind. */
@ApplicationScoped
public class EmailSwitches {
    /** A checked token: what it names, and the switch for its kind. */
    public record Found(UnsubscribeLinks.Subject subject, EmailSwitch emailSwitch) {
        Optional<EmailSwitch.State> state() {
            return emailSwitch.state(subject);
        }

        boolean turnOff() {
            return emailSwitch.turnOff(subject);
        }
    }

    @Inject
    UnsubscribeLinks links;
    @Inject
    Instance<EmailSwitch> switches;

    Optional<Found> find(String token) {
        return links.check(token).flatMap(subject -> switches.stream()
                .filter(candidate -> candidate.kind().equals(subject.kind())).findFirst()
                .map(found -> new Found(subject, found)));
    }

    /** The one-click POST's address for a token (RFC 8058's {@code List-Unsubscribe}). */
    public static String oneClickPath(String token) {
        return OneClickUnsubscribe.path(token);
    }
}
