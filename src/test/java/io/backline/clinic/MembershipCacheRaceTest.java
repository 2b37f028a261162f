package io.backline.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The kept copy never keeps what a change overtook, and keeps nothing while changes are not heard. */
class MembershipCacheRaceTest {
    private static final UUID PERSON = UUID.randomUUID();

    private static Optional<ClinicMember> member(String clinicId) {
        Clinic clinic = new Clinic();
        clinic.id = clinicId;
        return Optional.of(new ClinicMember(clinic, Optional.of(UUID.randomUUID()), Optional.empty(), Set.of("trainer"),
                Optional.empty()));
    }

    @Test
    void aReadThatAChangeOvertookIsNotKept() {
        MembershipCache cache = new MembershipCache();
        cache.hearing(true);
        long before = cache.changesSoFar();
        cache.changed("rose-city", PERSON); // committed while the read was under way
        cache.keep("rose-city", PERSON, member("rose-city"), before);
        assertNull(cache.known("rose-city", PERSON));

        long again = cache.changesSoFar();
        cache.keep("rose-city", PERSON, member("rose-city"), again);
        assertEquals("rose-city", cache.known("rose-city", PERSON).orElseThrow().clinic().id);
    }

    @Test
    void nothingIsKeptOrAnsweredWhileChangesAreNotHeard() {
        MembershipCache cache = new MembershipCache();
        cache.keep("rose-city", PERSON, member("rose-city"), cache.changesSoFar());
        assertNull(cache.known("rose-city", PERSON));

        cache.hearing(true);
        cache.keep("rose-city", PERSON, member("rose-city"), cache.changesSoFar());
        cache.hearing(false);
        cache.hearing(true);
        assertNull(cache.known("rose-city", PERSON), "a copy kept before the notices stopped");
    }

    @Test
    void aChangeOfTheClinicsRowDropsEveryMemberOfThatClinicOnly() {
        MembershipCache cache = new MembershipCache();
        cache.hearing(true);
        UUID other = UUID.randomUUID();
        cache.keep("rose-city", PERSON, member("rose-city"), cache.changesSoFar());
        cache.keep("rose-city", other, member("rose-city"), cache.changesSoFar());
        cache.keep("cedar-hills", PERSON, member("cedar-hills"), cache.changesSoFar());
        cache.changed("rose-city", null);
        assertNull(cache.known("rose-city", PERSON));
        assertNull(cache.known("rose-city", other));
        assertEquals("cedar-hills", cache.known("cedar-hills", PERSON).orElseThrow().clinic().id);
    }
}
