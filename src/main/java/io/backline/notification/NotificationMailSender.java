package io.backline.notification;

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
import io.quarkiverse.renarde.router.Router;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Empties the notification outbox as the other outboxes go (SKIP LOCKED, retried while SMTP is away). The email says
 * only that the clinic has an update in Backline, with a link: no kind, no program, no symptom, no provider.
 */
@ApplicationScoped
public class NotificationMailSender {
    private static final int BATCH = 50;

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    UnsubscribeMail unsubscribe;
    @Inject
    NotificationQuery query;
    @Inject
    Clock clock;

    @Scheduled(every = "${backline.notifications.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Notification email run",
                "select distinct clinic_id from notification_mail where sent_at is null", this::sendDueFor);
    }

    void sendDueFor(Clinic clinic) {
        List<NotificationMail> due = Claim.first(BATCH, NotificationMail.<NotificationMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", clock.instant())));
        List<List<NotificationMail>> toSend = new ArrayList<>();
        for (NotificationMail mail : due) {
            if (query.emailOn(mail.clientId)) {
                toSend.add(List.of(mail));
            } else {
                mail.delete();
            }
        }
        OutboxEmail.sendInTurn("Notification email", toSend, group -> send(group.get(0), clinic),
                config.notifications().retryBase(), clock);
    }

    private void send(NotificationMail mail, Clinic clinic) {
        // The job has no browser to ask: the client reads it in the language they last used Backline in.
        String language = Client.languageOf(Client.findById(mail.clientId));
        UnsubscribeMail.Link link = unsubscribe.link(NotificationEmailSwitch.KIND, clinic.id, mail.clientId);
        mailer.send(UnsubscribeMail.withHeaders(Mail.withText(mail.recipientEmail, subject(clinic.name, language),
                body(clinic.name, link.page(), language)), link));
    }

    static String subject(String clinicName, String language) {
        return Texts.get(language, "email.notification.subject", clinicName);
    }

    private String body(String clinicName, String unsubscribePage, String language) {
        return Texts.get(language, "email.notification.body", clinicName,
                config.baseUrl() + Router.getURI(MyNotifications::list), unsubscribePage);
    }
}
