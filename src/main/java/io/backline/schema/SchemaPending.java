package io.backline.schema;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Holds a job back while the database lacks this build's schema, instead of failing it every run. */
@Singleton
public class SchemaPending implements Scheduled.SkipPredicate {
    private final SchemaVersion schema;

    SchemaPending(SchemaVersion schema) {
        this.schema = schema;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !schema.current();
    }
}
