package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.people.StaffMember;
import io.backline.schema.SchemaPending;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/** Urgent flags nobody acknowledged within the clinic's time go to the clinic's admins. */
@ApplicationScoped
public class FlagEscalation {
    @Inject
    EveryClinic everyClinic;

    @Scheduled(every = "${backline.alerts.escalation-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = SchemaPending.class)
    void escalateOverdue() {
        everyClinic.runWhereDue("Escalation run", """
                select distinct f.clinic_id from symptom_flag f join clinic c on c.id = f.clinic_id
                where f.status = 'OPEN' and f.level in ('EMERGENCY', 'RED') and f.escalated_at is null
                    and f.reported_at < now() - make_interval(hours => c.escalate_after_hours)""", this::escalate);
    }

    void escalate(Clinic clinic) {
        Instant cutoff = Instant.now().minus(Duration.ofHours(clinic.escalateAfterHours));
        // A long outage may leave more than one run's worth: the next run takes the rest.
        List<SymptomFlag> overdue = Claim.first(500, SymptomFlag.<SymptomFlag> find("""
                status = :open and level in :urgent and escalatedAt is null and reportedAt < :cutoff""",
                Parameters.with("open", SymptomFlag.Status.OPEN)
                        .and("urgent", List.of(FlagRules.Level.EMERGENCY, FlagRules.Level.RED)).and("cutoff", cutoff)));
        if (overdue.isEmpty()) {
            return;
        }
        List<String> admins = StaffMember.<StaffMember> list("role = 'clinic-admin' and active").stream()
                .map(s -> s.email).toList();
        for (SymptomFlag flag : overdue) {
            flag.escalatedAt = Instant.now();
            if (clinic.alertEmails) {
                admins.forEach(email -> FlagService.queue(flag, email, AlertOutbox.Urgency.ESCALATION, Instant.now()));
            }
        }
    }
}
