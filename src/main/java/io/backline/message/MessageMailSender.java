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
import io.backline.web.i18n.Languages;
import io.backline.web.i18n.Texts;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends "You have a new message from the clinic" as the alerts go (SKIP LOCKED, retried while SMTP is away). The
 * email names only the clinic: no sender, no client, no text.
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

    @Scheduled(every = "${backline.alerts.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void sendDue() {
        everyClinic.runWhereDue("Message email run",
                "select distinct clinic_id from message_mail where sent_at is null and send_after <= now()",
                this::sendDueFor);
    }

    void sendDueFor(Clinic clinic) {
        List<MessageMail> due = Claim.first(BATCH, MessageMail.<MessageMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        OutboxEmail.sendInTurn("Message email", due.stream().map(List::of).toList(),
                group -> send(group.get(0), clinic.name), config.alerts().retryBase());
    }

    private void send(MessageMail mail, String clinicName) {
        // A client reads it in the language they last used Backline in; staff in English, as their pages.
        Client client = Client.findByUser(mail.recipientUserId);
        String language = client == null ? Languages.ENGLISH : client.language;
        mailer.send(Mail.withText(mail.recipientEmail, subject(clinicName, language), body(clinicName, language)));
    }

    static String subject(String clinicName, String language) {
        return Texts.get(language, "email.message.subject", clinicName);
    }

    private String body(String clinicName, String language) {
        return Texts.get(language, "email.message.body", clinicName, config.baseUrl() + "/");
    }
}
