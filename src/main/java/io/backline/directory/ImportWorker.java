package io.backline.directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVRecord;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentClinic;
import io.backline.people.StaffMember;
import io.backline.schema.SchemaPending;
import io.backline.web.SafeLog;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Works through waiting CSV imports in batches. Each batch's good rows, its refusals and the progress counter are
 * saved in one transaction, so an import is never half-applied and a restarted instance carries on where the last
 * batch ended. The import row is locked with SKIP LOCKED, so two instances never work on the same file.
 */
@ApplicationScoped
public class ImportWorker {
    static final int BATCH = 200;

    @Inject
    EntityManager entityManager;
    @Inject
    ImportQuery query;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Scheduled(every = "${backline.imports.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s", skipExecutionIf = SchemaPending.class)
    void work() {
        ImportQuery.Waiting next;
        try {
            next = QuarkusTransaction.requiringNew().call(() -> query.nextWaiting().orElse(null));
        } catch (RuntimeException e) {
            Log.debugf("Import run skipped: %s", e.getClass().getSimpleName());
            return;
        }
        if (next == null) {
            return;
        }
        UUID importId = next.importId();
        var context = Arc.container().requestContext();
        context.activate();
        try {
            Arc.container().instance(CurrentClinic.class).get().workFor(next.clinicId());
            work(importId);
        } catch (RuntimeException e) {
            Log.warnf("Import %s failed: %s", importId, SafeLog.describe(e));
            QuarkusTransaction.requiringNew().run(() -> ProviderImport.update(
                    "status = ?1, finishedAt = ?2, errors = coalesce(errors, '') || ?3 where id = ?4",
                    ProviderImport.Status.FAILED, Instant.now(), "The import stopped unexpectedly; rows saved so far stay.", importId));
        } finally {
            context.terminate();
        }
    }

    void work(UUID importId) {
        Map<String, PostalCodeCentroid> centroids = QuarkusTransaction.requiringNew().call(() -> PostalCodeCentroid
                .<PostalCodeCentroid> listAll().stream().collect(Collectors.toMap(c -> c.postalCode, Function.identity())));
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(() -> nextBatch(importId, centroids));
        }
    }

    /** One batch; false when the import is finished or another instance holds it. */
    private boolean nextBatch(UUID importId, Map<String, PostalCodeCentroid> centroids) {
        ProviderImport job = entityManager.find(ProviderImport.class, importId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE, Map.of("jakarta.persistence.lock.timeout", -2));
        if (job == null || job.isFinished()) {
            return false;
        }
        List<CSVRecord> records;
        try {
            records = ProviderCsv.records(job.content);
        } catch (IOException | RuntimeException e) {
            job.status = ProviderImport.Status.FAILED;
            job.errors = "The file could not be read as CSV: " + e.getMessage();
            job.finishedAt = Instant.now();
            job.content = null;
            recordFinished(job);
            return false;
        }
        job.status = ProviderImport.Status.RUNNING;
        job.totalRows = records.size();
        StringBuilder errors = new StringBuilder(job.errors == null ? "" : job.errors);
        int end = Math.min(records.size(), job.processedRows + BATCH);
        for (CSVRecord record : records.subList(job.processedRows, end)) {
            switch (ProviderCsv.check(record, job.clinicId, centroids)) {
                case ProviderCsv.Good good -> {
                    good.provider().confirmedAt = clock.instant(); // imported today: current as of now
                    good.provider().persist();
                    job.importedRows++;
                }
                case ProviderCsv.Bad bad -> errors.append("Row ").append(bad.number()).append(": ").append(bad.reason()).append('\n');
            }
        }
        job.processedRows = end;
        job.errors = errors.isEmpty() ? null : errors.toString();
        if (end >= records.size()) {
            job.status = ProviderImport.Status.DONE;
            job.finishedAt = Instant.now();
            job.content = null;
            recordFinished(job);
            return false;
        }
        return true;
    }

    /** On behalf of whoever uploaded the file, in the batch's transaction. */
    private void recordFinished(ProviderImport job) {
        StaffMember uploader = StaffMember.findByUser(job.createdBy);
        audit.recordBy(AuditSubject.providerImport(job.id), job.createdBy,
                uploader == null ? "provider import" : uploader.fullName, AuditTrail.FINISHED_IMPORT,
                job.fileName + ": " + job.status.name().toLowerCase() + ", " + job.processedRows + " rows");
    }
}
