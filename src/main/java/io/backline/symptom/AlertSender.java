package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Empties the alert outbox: due rows are locked with SKIP LOCKED, so two instances never send the same alert; a
 * failed send is retried later with a growing delay, so an SMTP outage delays mail but loses none. Ambers for one
 * trainer that fall due together go out as one email. Emails carry no health details, only a link.
 */
@ApplicationScoped
public class AlertSender {
    private static final int BATCH = 50;
    /** Hibernate's lock timeout for FOR UPDATE SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "backline.base-url")
    String baseUrl;

    @ConfigProperty(name = "backline.alerts.retry-base", defaultValue = "10s")
    Duration retryBase;

    @Scheduled(every = "${backline.alerts.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void sendDue() {
        List<String> clinics;
        try {
            clinics = QuarkusTransaction.requiringNew().call(() -> Clinic.<Clinic> listAll().stream().map(c -> c.id).toList());
        } catch (RuntimeException e) {
            // Shutting down, or the database is away for a moment: the rows wait for the next run.
            Log.debugf("Alert outbox run skipped: %s", e.getClass().getSimpleName());
            return;
        }
        for (String clinicId : clinics) {
            var context = Arc.container().requestContext();
            context.activate();
            try {
                Arc.container().instance(CurrentClinic.class).get().workFor(clinicId);
                QuarkusTransaction.requiringNew().run(this::sendDueForCurrentClinic);
            } catch (RuntimeException e) {
                Log.warnf("Alert outbox run for clinic %s failed: %s", clinicId, e.getClass().getSimpleName());
            } finally {
                context.terminate();
            }
        }
    }

    void sendDueForCurrentClinic() {
        List<AlertOutbox> due = AlertOutbox.<AlertOutbox> find("sentAt is null and sendAfter <= :now order by sendAfter",
                Parameters.with("now", Instant.now()))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, BATCH).list();
        Map<String, List<AlertOutbox>> byRecipientAndUrgency = new LinkedHashMap<>();
        for (AlertOutbox alert : due) {
            byRecipientAndUrgency.computeIfAbsent(alert.recipientEmail + "|" + alert.urgency, k -> new ArrayList<>())
                    .add(alert);
        }
        for (List<AlertOutbox> group : byRecipientAndUrgency.values()) {
            send(group);
        }
    }

    private void send(List<AlertOutbox> group) {
        AlertOutbox first = group.get(0);
        try {
            mailer.send(Mail.withText(first.recipientEmail, subject(first.urgency, group.size()), body(group)));
            Instant now = Instant.now();
            group.forEach(alert -> alert.sentAt = now);
        } catch (RuntimeException e) {
            for (AlertOutbox alert : group) {
                alert.attempts++;
                alert.lastError = e.getClass().getSimpleName();
                long factor = 1L << Math.min(alert.attempts - 1, 7);
                Duration delay = retryBase.multipliedBy(factor);
                alert.sendAfter = Instant.now().plus(delay.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : delay);
            }
            Log.warnf("Alert email not sent (attempt %d), will retry: %s", first.attempts, e.getClass().getSimpleName());
        }
    }

    static String subject(AlertOutbox.Urgency urgency, int count) {
        return switch (urgency) {
            case URGENT -> "Urgent: a client of yours needs attention";
            case ESCALATION -> "Escalated: an urgent symptom report has not been acknowledged";
            case NORMAL -> count == 1 ? "A client of yours reported a symptom" : count + " symptom reports to review";
        };
    }

    private String body(List<AlertOutbox> group) {
        StringBuilder text = new StringBuilder();
        AlertOutbox first = group.get(0);
        text.append(switch (first.urgency) {
            case URGENT -> "A client of yours reported a symptom that needs attention now.";
            case ESCALATION -> "A client's urgent symptom report has not been acknowledged yet.";
            case NORMAL -> "A client of yours reported a symptom that needs attention.";
        }).append("\n\nOpen Backline to review it (sign-in required):\n");
        for (AlertOutbox alert : group) {
            text.append(baseUrl).append("/flags/").append(alert.flagId).append('\n');
        }
        return text.append("\nThis email leaves out all health details on purpose.\n").toString();
    }
}
