package io.backline.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * Empties the referral mail outbox. Due rows are locked with SKIP LOCKED, so two instances never send the same email;
 * a failed send is retried later with a growing delay, and ends the run. A provider's email goes out only while it can
 * still be used: not after its link was withdrawn, the client's consent withdrawn or the link expired (the referral's
 * timeline says which); a reminder only while the referral still waits for the provider.
 */
@ApplicationScoped
public class ReferralMailSender {
    private static final int BATCH = 50;

    @Inject
    BacklineConfig config;
    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    ReferralService referrals;


    @Scheduled(every = "${backline.referrals.mail-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SchemaPending.class)
    void sendDue() {
        everyClinic.runWhereDue("Referral mail run",
                "select distinct clinic_id from referral_mail where sent_at is null and send_after <= now()",
                clinic -> sendDueForCurrentClinic());
    }

    void sendDueForCurrentClinic() {
        List<ReferralMail> due = Claim.first(BATCH, ReferralMail.<ReferralMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        List<List<ReferralMail>> toSend = new java.util.ArrayList<>();
        for (ReferralMail mail : due) {
            Referral referral = Referral.findById(mail.referralId);
            Optional<String> pointless = pointless(mail, referral);
            if (pointless.isPresent()) {
                mail.delete();
                if (!pointless.get().isEmpty()) {
                    referrals.event(referral, "The email to " + mail.recipientEmail + " was not sent: " + pointless.get());
                }
            } else {
                toSend.add(List.of(mail));
            }
        }
        OutboxEmail.sendInTurn("Referral email", toSend, this::send, config.referrals().mailRetryBase());
    }

    /** Why an email should no longer go out ("" to drop it without a word), or empty when it should. */
    private Optional<String> pointless(ReferralMail mail, Referral referral) {
        if (mail.kind == ReferralMail.Kind.REMINDER) {
            return referral.status == Referral.Status.SENT ? Optional.empty() : Optional.of("");
        }
        if (referral.linkRevokedAt != null) {
            return Optional.of("the link was withdrawn before it went out.");
        }
        if (referrals.activeConsent(referral).isEmpty()) {
            return Optional.of("the client's consent was withdrawn before it went out.");
        }
        if (referral.linkExpiresAt != null && referral.linkExpiresAt.isBefore(Instant.now())) {
            return Optional.of("the mail server did not take it before the link expired. Print the letter instead.");
        }
        return Optional.empty();
    }

    /** Sends one email; once it is gone the link in its body is not kept. */
    private void send(List<ReferralMail> one) {
        ReferralMail mail = one.get(0);
        mailer.send(Mail.withText(mail.recipientEmail, mail.subject, mail.body));
        mail.body = null;
    }
}
