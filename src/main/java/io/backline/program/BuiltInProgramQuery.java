package io.backline.program;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/** The clinics still without their copy of a built-in program, read once at start. */
@ApplicationScoped
class BuiltInProgramQuery {
    @Inject
    ClinicSql sql;

    /*
     * One plain statement on a usual start, when every clinic has its copy: this runs before the first request is
     * served, and each clinic's query through the tenant filter would be translated from HQL anew.
     */
    List<String> clinicsWithout(String builtInKey) {
        // Across clinics: at start no clinic is chosen yet, and the question is which clinics lack their copy.
        return sql.listAcrossClinics("""
                select c.id from clinic c
                where not exists (select 1 from program p where p.clinic_id = c.id and p.built_in_key = ?)""",
                row -> row.getString(1), builtInKey);
    }
}
