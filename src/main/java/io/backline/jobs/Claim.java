package io.backline.jobs;

import java.util.List;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Takes the rows a background job will work on: locked until its transaction ends, skipping rows another instance has
 * already taken (FOR UPDATE SKIP LOCKED), so with several instances each row is handled once and none waits.
 */
public final class Claim {
    /** Hibernate's lock timeout value meaning SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    private Claim() {
    }

    public static <T> List<T> first(int count, PanacheQuery<T> due) {
        return due.withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, count).list();
    }
}
