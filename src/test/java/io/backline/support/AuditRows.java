package io.backline.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.awaitility.Awaitility;

/** The audit trail's looks reach the chain a few seconds after they are recorded (docs/adr/0047): tests wait for it. */
public final class AuditRows {
    /** The lock audit_chain_pending takes per clinic (V26); whoever holds it is "the other mover". */
    private static final String MOVER_LOCK = "hashtextextended('audit_chain_pending ' || ?, 0)";

    private AuditRows() {
    }

    /** Waits until the clinic has no look left waiting to be chained. */
    public static void awaitChained(String clinicId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> TestData.count(
                "select count(*) from audit_view_pending where clinic_id = ?", clinicId) == 0);
    }

    /** How many of the clinic's looks wait to be chained. */
    public static long waiting(String clinicId) {
        return TestData.count("select count(*) from audit_view_pending where clinic_id = ?", clinicId);
    }

    /** Holds the clinic's mover lock, as another instance moving its rows would: the app's job passes the clinic by. */
    public static Paused pauseChaining(String clinicId) {
        try {
            Connection connection = DatabaseOwner.connect();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(" + MOVER_LOCK + ")")) {
                lock.setString(1, clinicId);
                lock.execute();
            }
            return new Paused(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The held lock; closing the connection lets the job move the clinic's rows again. */
    public record Paused(Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
