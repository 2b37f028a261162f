package io.backline.reminder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.config.BacklineConfig;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.jobs.OutboxEmail;
import io.backline.notify.UnsubscribeMail;
import io.backline.people.Client;
import io.backline.schema.SchemaPending;
import io.backline.web.i18n.Texts;
import io.backline.program.AssignmentService;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Empties the reminder outbox like the alerts' (SKIP LOCKED, retried with a growing delay). A reminder still goes out
 * only while the client wants it and the program runs. Each email says only that a session is planned, and carries a
 * one-click unsubscribe (RFC 8058) that needs no sign-in.
 */
@ApplicationScoped
public class ReminderSender {
    static final String KIND = "reminders";
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 50;

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    UnsubscribeMail unsubscribe;
    @Inject
    AssignmentService assignments;
    @Inject
    Clock clock;

    @Scheduled(every = "${backline.reminders.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "4s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Reminder outbox run",
                "select distinct clinic_id from reminder_outbox where sent_at is null", this::sendForClinic);
    }

    /**
     * Sends batch after batch until none is due or a send fails: reminders fall due together (many clients choose
     * 18:00), and one batch per run would spread them over many runs.
     */
    void sendForClinic(Clinic clinic) {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<ReminderOutbox> due = Claim.first(BATCH, ReminderOutbox.<ReminderOutbox> find(
                    "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", clock.instant())));
            List<List<ReminderOutbox>> toSend = new ArrayList<>();
            for (ReminderOutbox email : due) {
                if (stillWanted(email)) {
                    toSend.add(List.of(email));
                } else {
                    email.delete();
                }
            }
            OutboxEmail.sendInTurn("Reminder email", toSend, group -> send(clinic, group.get(0)),
                    config.reminders().retryBase(), clock);
            if (due.size() < BATCH || toSend.stream().anyMatch(group -> group.get(0).sentAt == null)) {
                return;
            }
        }
    }

    /** Unsubscribed, or the program paused or ended since it was written: it no longer goes. */
    private boolean stillWanted(ReminderOutbox email) {
        ReminderSettings settings = ReminderSettings.findById(email.clientId);
        return settings != null && settings.emailOn && assignments.clientPlan(email.clientId)
                .map(plan -> plan.assignment() != null && plan.assignment().isActive()).orElse(false);
    }

    private void send(Clinic clinic, ReminderOutbox email) {
        UnsubscribeMail.Link link = unsubscribe.link(KIND, clinic.id, email.clientId);
        // The job has no browser to ask: the client reads it in the language they last used Backline in.
        String language = Client.languageOf(Client.findById(email.clientId));
        mailer.send(UnsubscribeMail.withHeaders(Mail.withText(email.recipientEmail,
                subject(email.kind, clinic.name, language), body(email.kind, link.page(), language)), link));
    }

    static String subject(ReminderOutbox.Kind kind, String clinicName, String language) {
        return Texts.get(language, switch (kind) {
            case SESSION -> "email.reminder.sessionSubject";
            case MISSED_WEEK -> "email.reminder.weekSubject";
        }, clinicName);
    }

    private String body(ReminderOutbox.Kind kind, String unsubscribePage, String language) {
        String first = Texts.get(language, switch (kind) {
            case SESSION -> "email.reminder.session";
            case MISSED_WEEK -> "email.reminder.week";
        });
        return Texts.get(language, "email.reminder.body", first,
                config.baseUrl() + Router.getURI(io.backline.practice.Today::todayPage), unsubscribePage);
    }
}
