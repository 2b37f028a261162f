package io.backline.jobs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/** Which clinics have background work due: the one statement a job runs before it visits any clinic. */
@ApplicationScoped
class DueClinicQuery {
    @Inject
    ClinicSql sql;

    /** The clinic ids a job's statement names (it selects one column and takes no parameters). */
    List<String> clinicIds(String dueClinicIds) {
        // Across clinics: the scheduler asks, before any clinic is chosen, which clinics have something due.
        return sql.listAcrossClinics(dueClinicIds, row -> row.getString(1));
    }
}
