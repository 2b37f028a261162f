package io.backline.message;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.config.BacklineConfig;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.jobs.OutboxEmail;
import io.backline.people.Client;
import io.backline.schema.SchemaPending;
import io.backline.web.i18n.Texts;
import io.backline.notify.UnsubscribeMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends "You have a new message from the clinic" as the alerts go (SKIP LOCKED, retried while SMTP is away). The
 * email names only the clinic: no sender, no client, no text; it carries a one-click unsubscribe (RFC 8058).
 */
@ApplicationScoped
public class MessageMailSender {
    private static final int BATCH = 50;

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    UnsubscribeMail unsubscribe;

    @Scheduled(every = "${backline.alerts.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Message email run",
                "select distinct clinic_id from message_mail where sent_at is null and send_after <= now()",
                this::sendDueFor);
    }

    void sendDueFor(Clinic clinic) {
        List<MessageMail> due = Claim.first(BATCH, MessageMail.<MessageMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        OutboxEmail.sendInTurn("Message email", due.stream().map(List::of).toList(),
                group -> send(group.get(0), clinic), config.alerts().retryBase());
    }

    private void send(MessageMail mail, Clinic clinic) {
        // A client reads it in the language they last used Backline in; staff in English, as their pages.
        String language = Client.languageOf(Client.findByUser(mail.recipientUserId));
        UnsubscribeMail.Link link = unsubscribe.link(MessageEmailSwitch.KIND, clinic.id, mail.recipientUserId);
        mailer.send(UnsubscribeMail.withHeaders(Mail.withText(mail.recipientEmail, subject(clinic.name, language),
                body(clinic.name, link.page(), language)), link));
    }

    static String subject(String clinicName, String language) {
        return Texts.get(language, "email.message.subject", clinicName);
    }

    private String body(String clinicName, String unsubscribePage, String language) {
        return Texts.get(language, "email.message.body", clinicName, config.baseUrl() + "/", unsubscribePage);
    }
}
