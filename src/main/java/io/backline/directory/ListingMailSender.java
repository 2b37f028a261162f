package io.backline.directory;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
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
 * Sends "Update your listing" emails as the alerts go (SKIP LOCKED, retried while SMTP is away). The link is signed
 * when the email leaves, so its days count from then; the email names the listing and the clinic that asked, nothing
 * about any client.
 */
@ApplicationScoped
public class ListingMailSender {
    private static final int BATCH = 20;

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    ListingLinks links;

    @Scheduled(every = "${backline.alerts.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Listing email run",
                "select distinct clinic_id from listing_mail where sent_at is null and send_after <= now()",
                this::sendDueFor);
    }

    void sendDueFor(Clinic clinic) {
        List<ListingMail> due = Claim.first(BATCH, ListingMail.<ListingMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        OutboxEmail.sendInTurn("Listing email", due.stream().map(List::of).toList(),
                group -> send(group.get(0), clinic.name), config.alerts().retryBase());
    }

    private void send(ListingMail mail, String clinicName) {
        Provider provider = Provider.findById(mail.providerId);
        mailer.send(Mail.withText(mail.recipientEmail, "Update your listing in the Backline directory",
                body(provider, clinicName, links.link(provider.id))));
    }

    static String body(Provider provider, String clinicName, String link) {
        return "Someone at " + clinicName + " asked Backline to send this listing's address a link to update it:\n\n"
                + provider.displayName() + (provider.practice == null ? "" : ", " + provider.practice) + "\n\n"
                + "Open this link to confirm the listing or change whether you accept new clients, your hours and the "
                + "languages you work in. No account is needed. The link works for " + ListingLinks.LIFETIME.toDays()
                + " days:\n" + link + "\n\nIf this is not your listing, or you did not expect this email, ignore it: "
                + "nothing changes unless the link is used.\n";
    }
}
