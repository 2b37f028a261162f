package io.backline.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the database has this build's schema. Production instances do not migrate: a step of its own does, before
 * or while they start (docs/adr/0060). Until it has, an instance is not ready and its jobs wait; once it has, the
 * work that needs the new schema runs, through {@link SchemaMigrated}.
 */
@ApplicationScoped
public class SchemaVersion {
    /** The last migration in db/migration; {@code SchemaVersionTest} fails when a newer one is added without it. */
    public static final String EXPECTED = "30";

    private final AppliedMigrationQuery query;
    private final Event<SchemaMigrated> migrated;
    private final String expected;
    private volatile boolean current;
    private boolean saidWaiting;

    @Inject
    SchemaVersion(AppliedMigrationQuery query, Event<SchemaMigrated> migrated) {
        this(query, migrated, EXPECTED);
    }

    SchemaVersion(AppliedMigrationQuery query, Event<SchemaMigrated> migrated, String expected) {
        this.query = query;
        this.migrated = migrated;
        this.expected = expected;
    }

    void onStart(@Observes StartupEvent event) {
        current();
    }

    public String expected() {
        return expected;
    }

    /** Asks the database until the answer is yes; a schema never goes back, so from then on it only remembers. */
    public boolean current() {
        if (current) {
            return true;
        }
        synchronized (this) {
            if (current) {
                return true;
            }
            if (query.applied(expected)) {
                migrated.fire(new SchemaMigrated(expected));
                current = true;
                if (saidWaiting) {
                    Log.infof("The schema has migration %s now: ready, jobs run", expected);
                }
            } else if (!saidWaiting) {
                saidWaiting = true;
                Log.infof("The schema lacks migration %s: not ready, jobs held back until the migration step ran", expected);
            }
            return current;
        }
    }
}
