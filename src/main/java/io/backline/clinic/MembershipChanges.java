package io.backline.clinic;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * For a change of someone's access made through this instance (deactivation above all): their kept membership goes
 * when the transaction ends, before the answer leaves, so their next request is checked against the database.
 * Other instances forget it when V27's notice reaches them (ChangeNotices), within moments of the commit.
 */
@ApplicationScoped
public class MembershipChanges {
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MembershipCache cache;

    /** Call inside the transaction that changes the person's staff or client row. */
    public void changing(String clinicId, UUID userId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.changed(clinicId, userId);
            }
        });
    }
}
