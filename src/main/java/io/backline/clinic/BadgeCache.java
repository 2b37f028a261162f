package io.backline.clinic;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each person's menu counts, kept between requests per clinic (docs/adr/0054): a clinic's go the moment a flag,
 * message, read mark, notification or care team of that clinic changes, announced by V29's notices on every instance
 * and, for a change made through this instance, when the request that made it ends. While the notices are not heard
 * it keeps nothing, so every page counts in the database as before.
 */
@ApplicationScoped
class BadgeCache {
    /** A safety net only: changes are forgotten when they are announced, not when this passes. */
    private static final Duration KEPT = Duration.ofMinutes(10);

    /** Whose counts: the same person counts differently as a trainer, an admin or a client. */
    record Key(UUID userId, UUID staffMemberId, UUID clientId, boolean admin) {
    }

    private final Cache<String, Map<Key, BadgeCountsQuery.Counts>> clinics = Caffeine.newBuilder()
            .maximumSize(5_000).expireAfterWrite(KEPT).build();
    /** Counts the changes heard per clinic, and of the notices' state, so that a count which raced with one is not kept. */
    private final Map<String, AtomicLong> changesHeard = new ConcurrentHashMap<>();
    private final AtomicLong hearingChanges = new AtomicLong();
    private volatile boolean hearing;

    /** The person's counts if known; null when they must be read. */
    BadgeCountsQuery.Counts known(String clinicId, Key key) {
        if (!hearing) {
            return null;
        }
        Map<Key, BadgeCountsQuery.Counts> kept = clinics.getIfPresent(clinicId);
        return kept == null ? null : kept.get(key);
    }

    /** Call before counting in the database, and hand the value to {@link #keep}. */
    long changesSoFar(String clinicId) {
        return hearingChanges.get() + changesIn(clinicId).get();
    }

    private AtomicLong changesIn(String clinicId) {
        return changesHeard.computeIfAbsent(clinicId, id -> new AtomicLong());
    }

    /** Keeps counts read from the database, unless a change was heard since the read began. */
    void keep(String clinicId, Key key, BadgeCountsQuery.Counts counts, long changesBeforeRead) {
        if (hearing) {
            Map<Key, BadgeCountsQuery.Counts> kept = clinics.get(clinicId, id -> new ConcurrentHashMap<>());
            kept.put(key, counts);
            if (changesSoFar(clinicId) != changesBeforeRead) {
                kept.remove(key);
            }
        }
    }

    /** Something counted in the menus of this clinic changed. */
    void changed(String clinicId) {
        changesIn(clinicId).incrementAndGet();
        clinics.invalidate(clinicId);
    }

    /** Whether changes are being heard; either way, what was kept may be stale now, so it goes. */
    void hearing(boolean hearing) {
        hearingChanges.incrementAndGet();
        this.hearing = hearing;
        clinics.invalidateAll();
    }
}
