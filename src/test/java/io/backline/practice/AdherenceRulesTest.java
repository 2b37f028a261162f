package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.backline.practice.Adherence.ActivePeriod;
import io.backline.practice.Adherence.Week;

/** Adherence arithmetic: plain dates, Monday-to-Sunday weeks, on the client's own calendar. */
class AdherenceRulesTest {
    private static final ZoneId PORTLAND = ZoneId.of("America/Los_Angeles");
    // 2026-11-02 is a Monday; daylight saving ended on Sunday 2026-11-01 in Portland.
    private static final LocalDate MON = LocalDate.of(2026, 11, 2);

    private static Adherence.Report report(List<ActivePeriod> periods, List<LocalDate> sessions, LocalDate today) {
        return Adherence.of(periods, sessions, today);
    }

    @Test
    void aFullWeekAtThreeAWeekPrescribesThree() {
        var r = report(List.of(new ActivePeriod(MON, MON.plusDays(30), 3)),
                List.of(MON, MON.plusDays(2), MON.plusDays(4)), MON.plusDays(6));
        assertEquals(List.of(new Week(MON, 3, 3)), r.weeks());
        assertEquals(100, r.percent());
        assertEquals(1, r.streakWeeks());
    }

    @Test
    void partialFirstWeekIsProrated() {
        LocalDate friday = MON.plusDays(4);
        var r = report(List.of(new ActivePeriod(friday, MON.plusDays(30), 3)), List.of(), MON.plusDays(6));
        assertEquals(1, r.weeks().get(0).prescribed()); // 3 days × 3/7 = 1.3 → 1
    }

    @Test
    void aSundayAndAMondaySessionLandInDifferentWeeks() {
        LocalDate sunday = MON.plusDays(6);
        var r = report(List.of(new ActivePeriod(MON, MON.plusDays(30), 2)), List.of(sunday, sunday.plusDays(1)),
                sunday.plusDays(7));
        assertEquals(1, r.weeks().get(0).done());
        assertEquals(1, r.weeks().get(1).done());
        assertEquals(4, r.prescribed());
        assertEquals(2, r.done());
        assertEquals(50, r.percent());
    }

    @Test
    void aPausedGapPrescribesNothingAndItsSessionsDoNotCount() {
        var periods = List.of(new ActivePeriod(MON, MON.plusDays(6), 3),
                new ActivePeriod(MON.plusDays(14), MON.plusDays(20), 3));
        var r = report(periods, List.of(MON.plusDays(8)), MON.plusDays(20));
        assertEquals(2, r.weeks().size());
        assertEquals(6, r.prescribed());
        assertEquals(0, r.done());
    }

    @Test
    void aMidWeekChangeOfTargetIsProratedByDay() {
        var periods = List.of(new ActivePeriod(MON, MON.plusDays(2), 7), new ActivePeriod(MON.plusDays(3), MON.plusDays(6), 0));
        // 3 days × 7/7 = 3
        assertEquals(3, report(periods, List.of(), MON.plusDays(6)).weeks().get(0).prescribed());
    }

    @Test
    void extraSessionsDoNotMakeUpForAMissedWeekAndOneDayCountsOnce() {
        var period = List.of(new ActivePeriod(MON, MON.plusDays(13), 2));
        var r = report(period, List.of(MON, MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(3)), MON.plusDays(13));
        assertEquals(4, r.weeks().get(0).done());
        assertEquals(0, r.weeks().get(1).done());
        assertEquals(2, r.done());
        assertEquals(50, r.percent());
    }

    @Test
    void futureDaysPrescribeNothingYet() {
        var r = report(List.of(new ActivePeriod(MON, MON.plusDays(60), 3)), List.of(), MON.plusDays(1));
        assertEquals(1, r.weeks().size());
        assertEquals(1, r.prescribed()); // 2 days × 3/7 = 0.86 → 1
    }

    @Test
    void theStreakStopsAtAMissedWeekAndTheCurrentWeekDoesNotBreakIt() {
        var period = List.of(new ActivePeriod(MON, MON.plusDays(40), 1));
        List<LocalDate> sessions = List.of(MON, MON.plusDays(14), MON.plusDays(21));
        assertEquals(2, report(period, sessions, MON.plusDays(29)).streakWeeks());
        assertEquals(3, report(period, List.of(MON, MON.plusDays(14), MON.plusDays(21), MON.plusDays(28)),
                MON.plusDays(29)).streakWeeks());
    }

    @Test
    void percentRoundsToTheNearestWhole() {
        var period = List.of(new ActivePeriod(MON, MON.plusDays(20), 1));
        assertEquals(67, report(period, List.of(MON, MON.plusDays(7)), MON.plusDays(20)).percent());
    }

    @Test
    void aLateEveningSessionBelongsToTheLocalDayAcrossDaylightSavingChanges() {
        // 23:30 in Portland on the day daylight saving ends (UTC-7 → UTC-8): 07:30 UTC the next day.
        assertEquals(LocalDate.of(2026, 11, 1), Adherence.dayOf(Instant.parse("2026-11-02T07:30:00Z"), PORTLAND));
        // 23:30 on the spring-forward day (UTC-7 from 03:00): 06:30 UTC the next day.
        assertEquals(LocalDate.of(2026, 3, 8), Adherence.dayOf(Instant.parse("2026-03-09T06:30:00Z"), PORTLAND));
    }

    @Test
    void aWeekWithTheDaylightSavingChangeStillHasSevenDays() {
        LocalDate mondayBefore = LocalDate.of(2026, 10, 26);
        var r = report(List.of(new ActivePeriod(mondayBefore, mondayBefore.plusDays(13), 3)),
                List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)), mondayBefore.plusDays(13));
        assertEquals(List.of(new Week(mondayBefore, 3, 1), new Week(MON, 3, 1)), r.weeks());
    }

    @Test
    void daysSinceTheLastSession() {
        assertEquals(OptionalLong.of(9), Adherence.daysSince(Optional.of(MON), MON.plusDays(9)));
        assertEquals(OptionalLong.empty(), Adherence.daysSince(Optional.empty(), MON));
    }

    @Test
    void aSessionCheckedOffOnTheDayTheProgramIsPausedStillCountsInThatWeek() {
        // Issue 27: on a Saturday at 3 a week a client had "1 of 3"; paused that same day, it read "0 of 2".
        LocalDate saturday = MON.plusDays(5);
        var terms = List.of(new AdherenceService.Term(1, MON.minusDays(14), null, 3, MON.minusDays(14).atStartOfDay(PORTLAND).toInstant()));
        var pause = List.of(new AdherenceService.Change(io.backline.program.AssignmentEvent.Kind.PAUSED, saturday,
                saturday.atTime(18, 0).atZone(PORTLAND).toInstant()));
        var r = report(AdherenceService.activePeriods(terms, pause, saturday, PORTLAND), List.of(saturday), saturday);
        assertEquals(new Week(MON, 3, 1), r.weeks().getLast());
    }

    @Test
    void aSessionOnAStopDayCountsButNotOneLaterInThePause() {
        var periods = List.of(new ActivePeriod(MON, MON.plusDays(3), 3));
        var r = report(periods, List.of(MON.plusDays(4), MON.plusDays(5)), MON.plusDays(6));
        // Monday to Friday active (5 × 3/7 = 2.1 → 2): Friday's session counts, Saturday's, in the pause, does not.
        assertEquals(List.of(new Week(MON, 2, 1)), r.weeks());
    }
}
