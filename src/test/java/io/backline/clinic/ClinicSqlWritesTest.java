package io.backline.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backline.support.TestData;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access log is written with {@link ClinicSql#update}: inside a change's transaction the row must go when the
 * change is rolled back, and on a page view (no transaction) it must be saved at once. The clinic is the helper's
 * to bind, never the caller's.
 */
@QuarkusTest
class ClinicSqlWritesTest {
    private static final String INSERT = """
            insert into audit_event (clinic_id, id, client_id, actor_user_id, actor_name, action, request_id)
            values (:clinic, ?, ?, ?, 'ClinicSql test', 'test write', 'test')""";

    @Inject
    ClinicSql sql;
    @Inject
    CurrentClinic currentClinic;

    private final UUID clientId = UUID.randomUUID();

    @BeforeEach
    void activateRequestContext() {
        // As on a page: the session, the clinic and the request id all live in the request context.
        Arc.container().requestContext().activate();
        currentClinic.workFor("rose-city");
    }

    @AfterEach
    void terminateRequestContext() {
        Arc.container().requestContext().terminate();
    }

    @Test
    void aWriteInATransactionThatRollsBackIsRolledBackWithIt() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, insert());
            throw new IllegalStateException("the change written with it failed");
        }));
        assertEquals(0, savedRows());
    }

    @Test
    void aWriteInATransactionIsSavedWhenItCommits() {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, insert()));
        assertEquals(1, savedRows());
    }

    @Test
    void aWriteWithoutATransactionIsSavedAtOnce() {
        assertEquals(1, insert());
        assertEquals(1, savedRows());
    }

    private int insert() {
        return sql.update(INSERT, UUID.randomUUID(), clientId, UUID.randomUUID());
    }

    private long savedRows() {
        return TestData.count("select count(*) from audit_event where clinic_id = 'rose-city' and client_id = ?::uuid",
                clientId.toString());
    }
}
