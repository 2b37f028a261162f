package io.backline.jobs;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Background work (outboxes, reminders, escalations) runs per clinic: each clinic in its own request context, which
 * names the clinic for the tenant filter, and in its own transaction, so that one clinic's failure neither rolls back
 * nor stops the others'. A job first asks, in one statement across clinics, which clinics have anything due: the
 * outboxes poll every few seconds, and a transaction per clinic per run would grow with every clinic that signs up.
 */
@ApplicationScoped
public class EveryClinic {
    private static final int JOB_TRANSACTION_SECONDS = 300;

    @Inject
    DueClinicQuery dueClinics;

    /**
     * Runs the work for each clinic whose id the statement returns (it takes no parameters and names the clinics
     * with something due, across clinics: see {@link DueClinicQuery}).
     */
    public void runWhereDue(String job, String dueClinicIds, Consumer<Clinic> work) {
        List<Clinic> clinics;
        try {
            clinics = QuarkusTransaction.requiringNew().call(() -> {
                List<String> ids = dueClinics.clinicIds(dueClinicIds);
                return ids.isEmpty() ? List.<Clinic> of() : Clinic.<Clinic> list("id in ?1", ids);
            });
        } catch (RuntimeException e) {
            // The database away for a moment (or shutting down): the work waits for the next run. Said out loud, so
            // that a job whose query is broken does not go quiet.
            Log.warnf("%s skipped: %s", job, e.getClass().getSimpleName());
            return;
        }
        for (Clinic clinic : clinics) {
            forClinic(job, clinic, work);
        }
    }

    private void forClinic(String job, Clinic clinic, Consumer<Clinic> work) {
        // A fresh request context names the clinic; one already active (a caller's) is set aside and restored.
        ManagedContext context = Arc.container().requestContext();
        InjectableContext.ContextState outer = context.isActive() ? context.getState() : null;
        if (outer != null) {
            context.deactivate();
        }
        context.activate();
        try {
            Arc.container().instance(CurrentClinic.class).get().workFor(clinic.id);
            // Longer than the default minute: a job may wait on a slow mail server more than once (each send gives up
            // after quarkus.mailer.timeout), and a transaction timed out under it would unlock its rows mid-run.
            QuarkusTransaction.requiringNew().timeout(JOB_TRANSACTION_SECONDS).run(() -> work.accept(clinic));
        } catch (RuntimeException e) {
            Log.warnf("%s for clinic %s failed: %s", job, clinic.id, e.getClass().getSimpleName());
        } finally {
            context.terminate();
            if (outer != null) {
                context.activate(outer);
            }
        }
    }
}
