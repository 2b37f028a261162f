package io.backline.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.jobs.EveryClinic;
import io.backline.schema.SchemaPending;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Chains the looks recorded by {@link AuditTrail#recordView}: per clinic, batch after batch, each batch one
 * transaction that takes the chain's lock once (docs/adr/0047). With two instances, the database lets one mover per
 * clinic at a time and the other passes; a row is moved exactly once whoever moves it.
 */
@ApplicationScoped
public class AuditChainer {
    /** Small: each row of a batch adds a version of the clinic's head that PostgreSQL keeps until the batch ends. */
    static final int BATCH = 500;
    private static final int MAX_BATCHES = 100;
    /** A look waiting longer than this means the job is not keeping up, or not running: worth a warning. */
    private static final Duration LATE = Duration.ofMinutes(1);

    @Inject
    EveryClinic everyClinic;
    @Inject
    AuditQuery events;
    @Inject
    Clock clock;

    @Scheduled(every = "${backline.audit.chain-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s", skipExecutionIf = SchemaPending.class)
    void chainWaitingLooks() {
        everyClinic.runWhereDue("Audit chaining", "select distinct clinic_id from audit_view_pending", this::chain);
    }

    void chain(Clinic clinic) {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            // Its own transaction per batch: the head's lock is held for one batch only, so changes wait little.
            int moved = QuarkusTransaction.requiringNew().call(() -> events.chainPending(BATCH));
            if (moved < BATCH) {
                break;
            }
        }
        Instant oldest = events.oldestPending();
        if (oldest != null && oldest.isBefore(clock.instant().minus(LATE))) {
            Log.warnf("Audit chaining for clinic %s is behind: a look recorded at %s still waits", clinic.id, oldest);
        }
    }
}
