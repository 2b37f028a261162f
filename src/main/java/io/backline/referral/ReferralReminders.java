package io.backline.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.backline.config.BacklineConfig;
import io.backline.clinic.Clinic;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.people.StaffMember;
import io.backline.schema.SchemaPending;
import io.quarkus.scheduler.Scheduled;

/**
 * Reminds the referring trainer, once, when a provider has not acknowledged a referral within the clinic's number
 * of days. Rows are locked with SKIP LOCKED, so with several instances each reminder still goes out once.
 */
@ApplicationScoped
public class ReferralReminders {

    @Inject
    BacklineConfig config;
    @Inject
    ReferralService referrals;
    @Inject
    EveryClinic everyClinic;


    @Scheduled(every = "${backline.referrals.reminder-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = SchemaPending.class)
    void remind() {
        everyClinic.runWhereDue("Referral reminders", """
                select distinct r.clinic_id from referral r join clinic c on c.id = r.clinic_id
                where r.status = 'SENT' and r.reminder_sent_at is null
                    and r.sent_at < now() - make_interval(days => c.referral_ack_days)""", this::remindFor);
    }

    void remindFor(Clinic clinic) {
        List<Referral> overdue = Claim.first(50, Referral.<Referral> find(
                "status = ?1 and reminderSentAt is null and sentAt < ?2",
                Referral.Status.SENT, Instant.now().minus(Duration.ofDays(clinic.referralAckDays))));
        for (Referral referral : overdue) {
            StaffMember author = StaffMember.find("id", referral.createdBy).firstResult();
            if (author != null && author.active) {
                ReferralMail.queue(referral, ReferralMail.Kind.REMINDER, author.email, "A referral has not been acknowledged",
                        "Hello " + author.fullName + ",\n\nA referral you sent " + clinic.referralAckDays
                                + " or more days ago has not been acknowledged by the provider yet.\n"
                                + "Open it in Backline (sign-in required) to follow up:\n" + config.baseUrl() + "/referrals/"
                                + referral.id + "\n");
            }
            referral.reminderSentAt = Instant.now();
            referrals.event(referral, "Not acknowledged in time: a reminder email to the author is on its way");
        }
    }
}
