package io.backline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.backline.keycloak.SignInEvent;
import io.backline.web.Paged;

/** Paging through Keycloak's realm-wide record while keeping one clinic's people, with a stand-in for Keycloak. */
class SignInHistoryPagingTest {
    private static final UUID OURS = UUID.randomUUID();
    private static final UUID THEIRS = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
    private static final Function<Set<UUID>, Map<UUID, SignInHistory.Person>> MEMBERS = ids -> ids.stream()
            .filter(OURS::equals).collect(Collectors.toMap(id -> id, id -> new SignInHistory.Person("Ours", "Trainer")));

    /** Newest first, one a minute; {@code ours} says which of them are this clinic's person's. */
    private static List<SignInEvent> record(int size, java.util.function.IntPredicate ours) {
        return IntStream.range(0, size).mapToObj(i -> new SignInEvent(START.minusSeconds(60L * i),
                i % 7 == 3 ? null : ours.test(i) ? OURS : THEIRS, null, "10.0.0." + (i % 250))).toList();
    }

    private static SignInHistory.Page page(List<SignInEvent> record, int pageIndex, AtomicInteger calls) {
        return SignInHistory.scan(pageIndex, first -> {
            calls.incrementAndGet();
            return record.subList(Math.min(first, record.size()), Math.min(first + SignInHistory.BATCH, record.size()));
        }, MEMBERS);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeatsAndHoldOnlyTheClinicsPeople() {
        List<SignInEvent> record = record(3_000, i -> i % 5 == 0);
        List<Instant> expected = record.stream().filter(e -> OURS.equals(e.userId())).map(SignInEvent::at).toList();
        List<Instant> seen = new ArrayList<>();
        SignInHistory.Page page;
        int index = 0;
        do {
            page = page(record, index++, new AtomicInteger());
            page.rows().forEach(row -> seen.add(row.at()));
            assertTrue(page.rows().stream().allMatch(row -> row.person().name().equals("Ours")));
        } while (page.hasNext());
        assertEquals(expected, seen);
        assertNull(page.searchedBack(), "the whole record was read");
    }

    @Test
    void aQuietClinicAmongBusyOnesReadsNoMoreThanTheScanLimitAndSaysWhereItStopped() {
        List<SignInEvent> record = record(20_000, i -> i == 11 || i == 9_001);
        AtomicInteger calls = new AtomicInteger();
        SignInHistory.Page page = page(record, 0, calls);
        assertEquals(SignInHistory.SCAN_LIMIT / SignInHistory.BATCH, calls.get());
        assertEquals(1, page.rows().size());
        assertFalse(page.hasNext());
        assertEquals(record.get(SignInHistory.SCAN_LIMIT - 1).at(), page.searchedBack());
    }

    @Test
    void aFullPageStopsReadingAsSoonAsItKnowsWhetherAnotherFollows() {
        AtomicInteger calls = new AtomicInteger();
        SignInHistory.Page page = page(record(20_000, i -> true), 0, calls);
        assertEquals(1, calls.get());
        assertEquals(Paged.PAGE_SIZE, page.rows().size());
        assertTrue(page.hasNext());
        assertNull(page.searchedBack());
    }

    @Test
    void failuresAreSaidInPlainWords() {
        assertEquals("Signed in", SignInHistory.result(new SignInEvent(START, OURS, null, null)));
        assertEquals("Failed: wrong password or code",
                SignInHistory.result(new SignInEvent(START, OURS, "invalid_user_credentials", null)));
        assertEquals("Failed: locked for a while after too many wrong tries",
                SignInHistory.result(new SignInEvent(START, OURS, "user_temporarily_disabled", null)));
        assertEquals("Failed", SignInHistory.result(new SignInEvent(START, OURS, "something_new", null)));
    }
}
