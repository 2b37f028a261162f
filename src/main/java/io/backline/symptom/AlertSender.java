package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.backline.config.BacklineConfig;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.jobs.OutboxEmail;
import io.backline.schema.SchemaPending;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
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

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;



    @Scheduled(every = "${backline.alerts.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Alert outbox run",
                "select distinct clinic_id from alert_outbox where sent_at is null and send_after <= now()",
                clinic -> sendDueForCurrentClinic());
    }

    void sendDueForCurrentClinic() {
        List<AlertOutbox> due = Claim.first(BATCH, AlertOutbox.<AlertOutbox> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        Map<String, List<AlertOutbox>> byRecipientAndUrgency = new LinkedHashMap<>();
        for (AlertOutbox alert : due) {
            byRecipientAndUrgency.computeIfAbsent(alert.recipientEmail + "|" + alert.urgency, k -> new ArrayList<>())
                    .add(alert);
        }
        OutboxEmail.sendInTurn("Alert email", List.copyOf(byRecipientAndUrgency.values()), this::send,
                config.alerts().retryBase());
    }

    private void send(List<AlertOutbox> group) {
        AlertOutbox first = group.get(0);
        mailer.send(Mail.withText(first.recipientEmail, subject(first.urgency, group.size()), body(group)));
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
            text.append(config.baseUrl()).append("/flags/").append(alert.flagId).append('\n');
        }
        return text.append("\nThis email leaves out all health details on purpose.\n").toString();
    }
}
