package io.backline.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.people.StaffMember;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Reminds the referring trainer, once, when a provider has not acknowledged a referral within the clinic's number
 * of days. Rows are locked with SKIP LOCKED, so with several instances each reminder still goes out once.
 */
@ApplicationScoped
public class ReferralReminders {
    private static final int SKIP_LOCKED = -2;

    @Inject
    Mailer mailer;
    @Inject
    ReferralService referrals;

    @ConfigProperty(name = "backline.base-url")
    String baseUrl;

    @Scheduled(every = "${backline.referrals.reminder-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void remind() {
        List<Clinic> clinics;
        try {
            clinics = QuarkusTransaction.requiringNew().call(() -> Clinic.<Clinic> listAll());
        } catch (RuntimeException e) {
            Log.debugf("Referral reminders skipped: %s", e.getClass().getSimpleName());
            return;
        }
        for (Clinic clinic : clinics) {
            var context = Arc.container().requestContext();
            context.activate();
            try {
                Arc.container().instance(CurrentClinic.class).get().workFor(clinic.id);
                QuarkusTransaction.requiringNew().run(() -> remindFor(clinic));
            } catch (RuntimeException e) {
                Log.warnf("Referral reminders for clinic %s failed: %s", clinic.id, e.getClass().getSimpleName());
            } finally {
                context.terminate();
            }
        }
    }

    void remindFor(Clinic clinic) {
        List<Referral> overdue = Referral.<Referral> find("status = ?1 and reminderSentAt is null and sentAt < ?2",
                Referral.Status.SENT, Instant.now().minus(Duration.ofDays(clinic.referralAckDays)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, 50).list();
        for (Referral referral : overdue) {
            StaffMember author = StaffMember.find("id", referral.createdBy).firstResult();
            if (author != null && author.active) {
                mailer.send(Mail.withText(author.email, "A referral has not been acknowledged",
                        "Hello " + author.fullName + ",\n\nA referral you sent " + clinic.referralAckDays
                                + " or more days ago has not been acknowledged by the provider yet.\n"
                                + "Open it in Backline (sign-in required) to follow up:\n" + baseUrl + "/referrals/"
                                + referral.id + "\n"));
            }
            referral.reminderSentAt = Instant.now();
            referrals.event(referral, referral.status, "Backline", ReferralService.SYSTEM, "Reminder sent: not acknowledged in time");
        }
    }
}
