package io.backline.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.MappedSuperclass;

import io.backline.clinic.ClinicOwned;
import io.quarkus.logging.Log;

/**
 * An email written to an outbox in the transaction that decided it, and sent later by a job that claims the due rows
 * ({@link Claim}). What every outbox shares: the recipient, when it may go, the tries, and when it went.
 */
@MappedSuperclass
public abstract class OutboxEmail extends ClinicOwned {
    public String recipientEmail;
    public Instant sendAfter;
    public int attempts;
    public String lastError;
    public Instant sentAt;
    public Instant createdAt;

    /**
     * Sends each group of claimed rows in turn; a group that fails waits for a later try with a growing delay, and the
     * groups after it wait for the next run rather than each waiting out the mailer's timeout in this transaction.
     */
    public static <E extends OutboxEmail> void sendInTurn(String what, List<List<E>> groups, Consumer<List<E>> send,
            Duration retryBase) {
        sendInTurn(what, groups, send, retryBase, Clock.systemUTC());
    }

    /** As above, with sent and retry times read from the jobs' clock, which tests set (jobs/Clocks). */
    public static <E extends OutboxEmail> void sendInTurn(String what, List<List<E>> groups, Consumer<List<E>> send,
            Duration retryBase, Clock clock) {
        for (List<E> group : groups) {
            try {
                send.accept(group);
                Instant now = clock.instant();
                group.forEach(email -> email.sentAt = now);
            } catch (RuntimeException e) {
                for (E email : group) {
                    email.attempts++;
                    email.lastError = e.getClass().getSimpleName();
                    email.sendAfter = clock.instant().plus(RetryDelay.after(email.attempts, retryBase));
                }
                Log.warnf("%s not sent (attempt %d), will retry: %s", what, group.get(0).attempts,
                        e.getClass().getSimpleName());
                return;
            }
        }
    }
}
