package io.backline.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.jobs.RetryDelay;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Empties the referral mail outbox. Due rows are locked with SKIP LOCKED, so two instances never send the same email;
 * a failed send is retried later with a growing delay. A provider's email whose link was withdrawn before it left is
 * not sent: the link would only show "withdrawn".
 */
@ApplicationScoped
public class ReferralMailSender {
    private static final int BATCH = 50;

    @Inject
    Mailer mailer;
    @Inject
    EveryClinic everyClinic;
    @Inject
    ReferralService referrals;

    @ConfigProperty(name = "backline.referrals.mail-retry-base", defaultValue = "30s")
    Duration retryBase;

    @Scheduled(every = "${backline.referrals.mail-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void sendDue() {
        everyClinic.runWhereDue("Referral mail run",
                "select distinct clinic_id from referral_mail where sent_at is null and send_after <= now()",
                clinic -> sendDueForCurrentClinic());
    }

    void sendDueForCurrentClinic() {
        List<ReferralMail> due = Claim.first(BATCH, ReferralMail.<ReferralMail> find(
                "sentAt is null and sendAfter <= :now order by sendAfter", Parameters.with("now", Instant.now())));
        for (ReferralMail mail : due) {
            if (mail.kind == ReferralMail.Kind.PROVIDER && linkWithdrawn(mail)) {
                mail.delete();
            } else {
                send(mail);
            }
        }
    }

    private boolean linkWithdrawn(ReferralMail mail) {
        Referral referral = Referral.findById(mail.referralId);
        if (referral.linkRevokedAt == null) {
            return false;
        }
        referrals.event(referral, referral.status, "Backline", ReferralService.SYSTEM,
                "The email to the provider was not sent: the link was withdrawn before it went out");
        return true;
    }

    private void send(ReferralMail mail) {
        try {
            mailer.send(Mail.withText(mail.recipientEmail, mail.subject, mail.body));
            mail.sentAt = Instant.now();
            mail.body = null;
        } catch (RuntimeException e) {
            mail.attempts++;
            mail.lastError = e.getClass().getSimpleName();
            mail.sendAfter = Instant.now().plus(RetryDelay.after(mail.attempts, retryBase));
            Log.warnf("Referral email not sent (attempt %d), will retry: %s", mail.attempts, mail.lastError);
        }
    }
}
