package io.backline.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.ClinicSql;

/** The import worker's claim on the next waiting CSV import, whichever clinic uploaded it. */
@ApplicationScoped
class ImportQuery {
    @Inject
    ClinicSql sql;

    /** An import to work on, and the clinic it belongs to. */
    record Waiting(UUID importId, String clinicId) {
    }

    /**
     * The oldest import still to do, locked for this transaction; one another instance holds is skipped. Call it in a
     * transaction of its own, before naming a clinic.
     */
    Optional<Waiting> nextWaiting() {
        // Across clinics: one worker serves every clinic's imports, and the row names the clinic it then works for.
        List<Waiting> rows = sql.listAcrossClinics("""
                select id, clinic_id from provider_import where status in ('WAITING', 'RUNNING')
                order by created_at limit 1 for update skip locked""",
                row -> new Waiting(row.getObject(1, UUID.class), row.getString(2)));
        return rows.stream().findFirst();
    }
}
