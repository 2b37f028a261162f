package io.backline.program;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backline.clinic.CurrentClinic;
import io.backline.schema.SchemaMigrated;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Gives every clinic its copy of the built-in program once the schema is this build's (at start, or when the migration
 * step finishes after it), so no page has to create it on first use.
 */
@ApplicationScoped
public class BuiltInProgramSeeder {

    @Inject
    ProgramCatalog catalog;
    @Inject
    BuiltInProgramQuery query;

    void onMigrated(@Observes SchemaMigrated event) {
        List<String> clinics = QuarkusTransaction.requiringNew()
                .call(() -> query.clinicsWithout(BuiltInProgram.THORACIC));
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
