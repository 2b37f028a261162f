package io.backline.support;

import org.hibernate.SessionFactory;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;

/**
 * SQL statements the app prepares while a request runs, from Hibernate's statistics (on in the test profile). The
 * membership and menu-count statements are plain JDBC and not among them.
 * Background jobs are paused meanwhile: their statements would count too.
 */
public final class StatementCount {

    private StatementCount() {
    }

    /** The fewest of three runs, in case a job was already under way; {@code beforeEach} runs before each of them. */
    public static long fewestOfThree(Runnable beforeEach, Runnable request) {
        return whilePaused(() -> {
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                beforeEach.run();
                fewest = Math.min(fewest, counted(request));
            }
            return fewest;
        });
    }

    public static long fewestOfThree(Runnable request) {
        return fewestOfThree(() -> {
        }, request);
    }

    /** One run, for a request whose second run would cost less (figures computed once and then reused). */
    public static long once(Runnable request) {
        return whilePaused(() -> counted(request));
    }

    private static long counted(Runnable request) {
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        long before = statistics.getPrepareStatementCount();
        request.run();
        return statistics.getPrepareStatementCount() - before;
    }

    private static long whilePaused(java.util.function.LongSupplier count) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        scheduler.pause();
        try {
            return count.getAsLong();
        } finally {
            scheduler.resume();
        }
    }
}
