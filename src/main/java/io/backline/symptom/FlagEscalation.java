package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.people.StaffMember;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/** Urgent flags nobody acknowledged within the clinic's time go to the clinic's admins. */
@ApplicationScoped
public class FlagEscalation {

    @Scheduled(every = "${backline.alerts.escalation-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void escalateOverdue() {
        List<Clinic> clinics = QuarkusTransaction.requiringNew().call(() -> Clinic.<Clinic> listAll());
        for (Clinic clinic : clinics) {
            var context = Arc.container().requestContext();
            context.activate();
            try {
                Arc.container().instance(CurrentClinic.class).get().workFor(clinic.id);
                QuarkusTransaction.requiringNew().run(() -> escalate(clinic));
            } catch (RuntimeException e) {
                // One clinic's failure must not stop the others' escalations.
                io.quarkus.logging.Log.warnf("Escalation run for clinic %s failed: %s", clinic.id, e.getClass().getSimpleName());
            } finally {
                context.terminate();
            }
        }
    }

    void escalate(Clinic clinic) {
        Instant cutoff = Instant.now().minus(Duration.ofHours(clinic.escalateAfterHours));
        List<SymptomFlag> overdue = SymptomFlag.<SymptomFlag> find("""
                status = :open and level in :urgent and escalatedAt is null and reportedAt < :cutoff""",
                Parameters.with("open", SymptomFlag.Status.OPEN)
                        .and("urgent", List.of(FlagRules.Level.EMERGENCY, FlagRules.Level.RED)).and("cutoff", cutoff))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).list();
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
