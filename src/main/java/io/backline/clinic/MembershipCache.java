package io.backline.clinic;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Who each person is in each clinic, kept between requests (docs/adr/0048): every request still checks the person's
 * membership, but against this copy, which {@link ChangeNotices} empties of a person the moment a row it was read
 * from changes, on every instance. While the notices are not heard (at start, or after their connection broke) it
 * answers nothing, so every request reads the database as before.
 */
@ApplicationScoped
class MembershipCache {
    /** A safety net only: changes are forgotten when they are announced, not when this passes. */
    private static final Duration KEPT = Duration.ofMinutes(10);

    private record Key(String clinicId, UUID userId) {
    }

    private final Cache<Key, Optional<ClinicMember>> members = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(KEPT).build();
    /** Counts the changes heard, so that a read which raced with one is not kept. */
    private final AtomicLong changesHeard = new AtomicLong();
    private volatile boolean hearing;

    /** The person's membership if known; null when it must be read. */
    Optional<ClinicMember> known(String clinicId, UUID userId) {
        return hearing ? members.getIfPresent(new Key(clinicId, userId)) : null;
    }

    /** Call before reading a membership from the database, and hand the value to {@link #keep}. */
    long changesSoFar() {
        return changesHeard.get();
    }

    /** Keeps a membership read from the database, unless a change was heard since the read began. */
    void keep(String clinicId, UUID userId, Optional<ClinicMember> member, long changesBeforeRead) {
        Key key = new Key(clinicId, userId);
        if (hearing) {
            members.put(key, member);
            if (changesHeard.get() != changesBeforeRead) {
                members.invalidate(key);
            }
        }
    }

    /** A person's rows changed in a clinic; a null user means the clinic's own row, which every member carries. */
    void changed(String clinicId, UUID userId) {
        changesHeard.incrementAndGet();
        if (userId != null) {
            members.invalidate(new Key(clinicId, userId));
        } else {
            members.asMap().keySet().removeIf(key -> key.clinicId().equals(clinicId));
        }
    }

    /** A notice this build cannot read: nothing kept can be trusted. */
    void forgetEveryone() {
        changesHeard.incrementAndGet();
        members.invalidateAll();
    }

    /** Whether changes are being heard; either way, what was kept may be stale now, so it goes. */
    void hearing(boolean hearing) {
        changesHeard.incrementAndGet();
        this.hearing = hearing;
        members.invalidateAll();
    }
}
