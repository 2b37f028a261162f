package io.backline.program;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Gives every clinic its copy of the built-in program at start, so no page has to create it on first use. */
@ApplicationScoped
public class BuiltInProgramSeeder {

    @Inject
    ProgramCatalog catalog;

    void onStart(@Observes StartupEvent event) {
        // One plain statement on a usual start, when every clinic has its copy: this runs before the first request is
        // served, and each clinic's query through the tenant filter would be translated from HQL anew.
        List<String> clinics = QuarkusTransaction.requiringNew().call(() -> Clinic.getEntityManager().createNativeQuery("""
                select c.id from clinic c
                where not exists (select 1 from program p where p.clinic_id = c.id and p.built_in_key = :key)""")
                .setParameter("key", BuiltInProgram.THORACIC).getResultList().stream().map(String.class::cast).toList());
        for (String clinicId : clinics) {
            var context = Arc.container().requestContext();
            context.activate();
            try {
                // Outside a request the clinic is named explicitly; the tenant resolver reads it from here.
                Arc.container().instance(CurrentClinic.class).get().workFor(clinicId);
                catalog.builtIn();
            } catch (RuntimeException e) {
                // Another instance starting at the same time may have created it first.
                Log.infof("Built-in program for clinic %s not created here: %s", clinicId, e.getClass().getSimpleName());
            } finally {
                context.terminate();
            }
        }
    }
}
