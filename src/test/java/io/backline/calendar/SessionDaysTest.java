package io.backline.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backline.program.Prescription;

class SessionDaysTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void threeAWeekFallOnMondayWednesdayAndFriday() {
        assertEquals(List.of(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(4)),
                SessionDays.planned(prescription(3, MONDAY, null), MONDAY, MONDAY.plusDays(6)));
    }

    @Test
    void twoAWeekFallOnMondayAndThursday() {
        assertEquals(List.of(MONDAY, MONDAY.plusDays(3)),
                SessionDays.planned(prescription(2, MONDAY, null), MONDAY, MONDAY.plusDays(6)));
    }

    @Test
    void noDayBeforeTheStartOrAfterTheEnd() {
        // Starts on Tuesday, ends the next Wednesday.
        assertEquals(List.of(MONDAY.plusDays(2), MONDAY.plusDays(4), MONDAY.plusDays(7), MONDAY.plusDays(9)),
                SessionDays.planned(prescription(3, MONDAY.plusDays(1), MONDAY.plusDays(9)), MONDAY.minusWeeks(2),
                        MONDAY.plusWeeks(8)));
    }

    @Test
    void everyDayAtMostOnce() {
        assertEquals(7, SessionDays.planned(prescription(14, MONDAY, null), MONDAY, MONDAY.plusDays(6)).size());
    }

    private static Prescription prescription(int perWeek, LocalDate start, LocalDate end) {
        Prescription p = new Prescription();
        p.sessionsPerWeek = perWeek;
        p.startDate = start;
        p.endDate = end;
        return p;
    }
}
