package io.backline.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.backline.practice.Adherence.ActivePeriod;
import io.backline.practice.Adherence.Report;
import io.backline.practice.Adherence.Week;

/** Adherence arithmetic on calendar days; November 2026 starts its weeks on Mondays the 2nd, 9th, 16th and 23rd. */
class AdherenceTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static LocalDate nov(int day) {
        return LocalDate.of(2026, 11, day);
    }

    private static ActivePeriod active(LocalDate from, LocalDate toInclusive, int sessionsPerWeek) {
        return new ActivePeriod(from, toInclusive, sessionsPerWeek);
    }

    @Test
    void fullActiveWeekPrescribesTheWeeklyTarget() {
        Report report = Adherence.of(List.of(active(nov(2), nov(8), 3)), List.of(nov(2), nov(4), nov(6)), nov(8));

        assertEquals(List.of(new Week(nov(2), 3, 3)), report.weeks());
        assertEquals(3, report.prescribed());
        assertEquals(3, report.done());
        assertEquals(100, report.percent());
    }

    @Test
    void partialFirstWeekIsProrated() {
        // Starts on a Friday: Friday to Sunday is 3 × 3/7 = 1.29 sessions, so 1; the next full week asks for 3.
        Report report = Adherence.of(List.of(active(nov(6), nov(30), 3)), List.of(nov(7)), nov(15));

        assertEquals(List.of(new Week(nov(2), 1, 1), new Week(nov(9), 3, 0)), report.weeks());
        assertEquals(4, report.prescribed());
        assertEquals(1, report.done());
    }

    @Test
    void aSingleActiveDayStillPrescribesOneSession() {
        // 2/7 of a session rounds to 0, but a day on the program asks for something.
        Report report = Adherence.of(List.of(active(nov(8), nov(30), 2)), List.of(), nov(8));

        assertEquals(List.of(new Week(nov(2), 1, 0)), report.weeks());
    }

    @Test
    void aWeekNeverPrescribesMoreSessionsThanItHasActiveDays() {
        // 10 a week over Saturday and Sunday would round to 3, but only one session a day counts.
        Report report = Adherence.of(List.of(active(nov(7), nov(30), 10)), List.of(nov(7), nov(8)), nov(8));

        assertEquals(List.of(new Week(nov(2), 2, 2)), report.weeks());
        assertEquals(100, report.percent());
    }

    @Test
    void sundayAndMondaySessionsLandInDifferentWeeks() {
        Report report = Adherence.of(List.of(active(nov(2), nov(30), 3)), List.of(nov(8), nov(9)), nov(15));

        assertEquals(List.of(new Week(nov(2), 3, 1), new Week(nov(9), 3, 1)), report.weeks());
    }

    @Test
    void aPausedGapPrescribesNothingAndSessionsDuringItDoNotCount() {
        // Active Monday to Wednesday, paused through the week of the 9th, back from Monday the 16th.
        List<ActivePeriod> periods = List.of(active(nov(2), nov(4), 3), active(nov(16), nov(30), 3));
        Report report = Adherence.of(periods, List.of(nov(3), nov(11), nov(16)), nov(22));

        // Mon–Wed at 3/week is 9/7 = 1.29, so 1; the paused week is not listed at all.
        assertEquals(List.of(new Week(nov(2), 1, 1), new Week(nov(16), 3, 1)), report.weeks());
        assertEquals(4, report.prescribed());
        assertEquals(2, report.done());
        assertEquals(50, report.percent());
    }

    @Test
    void lastSessionIsTheLatestSessionEvenOnAPausedDay() {
        List<ActivePeriod> periods = List.of(active(nov(2), nov(4), 3));
        Report report = Adherence.of(periods, List.of(nov(3), nov(11)), nov(12));

        assertEquals(Optional.of(nov(11)), report.lastSession());
        assertEquals(1, report.done());
    }

    @Test
    void aMidWeekChangeOfTargetProratesEachPartAtItsOwnTarget() {
        // Mon–Wed at 2/week (6/7) then Thu–Sun at 5/week (20/7): 26/7 = 3.71, so 4. Either target alone gives 2 or 5.
        List<ActivePeriod> periods = List.of(active(nov(2), nov(4), 2), active(nov(5), nov(30), 5));
        Report report = Adherence.of(periods, List.of(nov(2), nov(5), nov(7)), nov(8));

        assertEquals(List.of(new Week(nov(2), 4, 3)), report.weeks());
        assertEquals(75, report.percent());
    }

    @Test
    void extraSessionsDoNotMakeUpForAMissedWeek() {
        List<LocalDate> fiveInTheFirstWeekNoneInTheSecond = List.of(nov(2), nov(3), nov(4), nov(5), nov(6));
        Report report = Adherence.of(List.of(active(nov(2), nov(30), 3)), fiveInTheFirstWeekNoneInTheSecond, nov(15));

        // The week itself still shows all five; the totals count only its three.
        assertEquals(List.of(new Week(nov(2), 3, 5), new Week(nov(9), 3, 0)), report.weeks());
        assertEquals(100, report.weeks().get(0).percent());
        assertEquals(6, report.prescribed());
        assertEquals(3, report.done());
        assertEquals(50, report.percent());
    }

    @Test
    void severalSessionsOnOneDayCountOnce() {
        Report report = Adherence.of(List.of(active(nov(2), nov(30), 3)), List.of(nov(3), nov(3), nov(3)), nov(8));

        assertEquals(List.of(new Week(nov(2), 3, 1)), report.weeks());
        assertEquals(1, report.done());
        assertEquals(33, report.percent());
    }

    @Test
    void futureDaysPrescribeNothingAndFutureSessionsAreIgnored() {
        // Today is Wednesday the 4th: Mon–Wed so far, 9/7 rounds to 1. A session dated the 20th is not real yet.
        Report report = Adherence.of(List.of(active(nov(2), nov(30), 3)), List.of(nov(3), nov(20)), nov(4));

        assertEquals(List.of(new Week(nov(2), 1, 1)), report.weeks());
        assertEquals(1, report.prescribed());
        assertEquals(Optional.of(nov(3)), report.lastSession());
    }

    @Test
    void aProgramStartingTomorrowHasNothingPrescribedAndZeroPercent() {
        Report report = Adherence.of(List.of(active(nov(10), nov(30), 3)), List.of(), nov(9));

        assertEquals(List.of(), report.weeks());
        assertEquals(0, report.prescribed());
        assertEquals(0, report.percent());
        assertEquals(0, report.streakWeeks());
        assertEquals(Optional.empty(), report.lastSession());
    }

    /** Two a week from Monday the 2nd; met in weeks 1, 3 and 4, missed in week 2; today is Wednesday the 25th. */
    private static Report streakHistory(LocalDate... currentWeekSessions) {
        List<LocalDate> sessions = new java.util.ArrayList<>(List.of(
                nov(2), nov(4), // week of the 2nd: met
                nov(10), // week of the 9th: 1 of 2, missed
                nov(16), nov(18), // week of the 16th: met
                nov(23))); // week of the 23rd, so far
        sessions.addAll(List.of(currentWeekSessions));
        // Mon–Wed at 7/week prescribes 3 so far, so the week under way is not yet met with one or two sessions.
        return Adherence.of(List.of(active(nov(2), nov(22), 2), active(nov(23), nov(30), 7)), sessions, nov(25));
    }

    @Test
    void aStreakCountsBackToTheLastMissedWeekAndAnUnmetCurrentWeekDoesNotBreakIt() {
        Report report = streakHistory();

        assertEquals(new Week(nov(23), 3, 1), report.weeks().get(3));
        assertEquals(1, report.streakWeeks());
    }

    @Test
    void theCurrentWeekJoinsTheStreakOnceMet() {
        Report report = streakHistory(nov(24), nov(25));

        assertEquals(new Week(nov(23), 3, 3), report.weeks().get(3));
        assertEquals(2, report.streakWeeks());
    }

    @Test
    void aMissedCompletedWeekEndsTheStreakAtZero() {
        Report report = Adherence.of(List.of(active(nov(2), nov(30), 2)), List.of(nov(2), nov(4), nov(10)), nov(16));

        // Week of the 9th missed (1 of 2); the week of the 16th has just begun and has nothing yet.
        assertEquals(3, report.weeks().size());
        assertEquals(0, report.streakWeeks());
    }

    @Test
    void pausedWeeksNeitherExtendNorBreakAStreak() {
        List<ActivePeriod> periods = List.of(active(nov(2), nov(8), 1), active(nov(16), nov(30), 1));
        Report report = Adherence.of(periods, List.of(nov(3), nov(17)), nov(22));

        assertEquals(2, report.streakWeeks());
    }

    @Test
    void percentRoundsToTheNearestWholeNumber() {
        // 2 of 3 is 66.7 %, shown as 67; 1 of 3 is 33.3 %, shown as 33; 5 of 6 is 83.3 %, shown as 83.
        Report twoOfThree = Adherence.of(List.of(active(nov(2), nov(8), 3)), List.of(nov(2), nov(3)), nov(8));
        Report oneOfThree = Adherence.of(List.of(active(nov(2), nov(8), 3)), List.of(nov(2)), nov(8));
        Report fiveOfSix = Adherence.of(List.of(active(nov(2), nov(15), 3)),
                List.of(nov(2), nov(3), nov(4), nov(9), nov(10)), nov(15));

        assertEquals(67, twoOfThree.percent());
        assertEquals(67, twoOfThree.weeks().get(0).percent());
        assertEquals(33, oneOfThree.percent());
        assertEquals(83, fiveOfSix.percent());
    }

    @Test
    void dayOfIsTheLocalDateAt2330OnTheNightDaylightSavingEnds() {
        // 23:30 PST on Sunday 1 Nov 2026 is already 07:30 on the 2nd in UTC (and 00:30 on the 2nd at the PDT offset).
        Instant lateOnTheFallBackDay = Instant.parse("2026-11-02T07:30:00Z");

        assertEquals(LocalDateTime.of(2026, 11, 1, 23, 30), LocalDateTime.ofInstant(lateOnTheFallBackDay, LOS_ANGELES));
        assertEquals(nov(1), Adherence.dayOf(lateOnTheFallBackDay, LOS_ANGELES));
    }

    @Test
    void dayOfGivesTheRightLocalDatesAcrossTheSpringForwardDay() {
        // Clocks jump from 02:00 PST to 03:00 PDT on Sunday 8 March 2026.
        assertEquals(LocalDate.of(2026, 3, 7), Adherence.dayOf(Instant.parse("2026-03-08T07:30:00Z"), LOS_ANGELES));
        assertEquals(LocalDate.of(2026, 3, 8), Adherence.dayOf(Instant.parse("2026-03-08T09:30:00Z"), LOS_ANGELES));
        assertEquals(LocalDate.of(2026, 3, 8), Adherence.dayOf(Instant.parse("2026-03-09T06:30:00Z"), LOS_ANGELES));
        // 07:30 UTC on the 9th would still be the 8th at the old PST offset; in PDT it is 00:30 on the 9th.
        assertEquals(LocalDate.of(2026, 3, 9), Adherence.dayOf(Instant.parse("2026-03-09T07:30:00Z"), LOS_ANGELES));
    }

    @Test
    void aWeekContainingTheDaylightSavingChangePrescribesByCalendarDays() {
        // The week of Monday 26 October ends on Sunday 1 November, a 25-hour day in Los Angeles.
        LocalDate monday = LocalDate.of(2026, 10, 26);
        List<LocalDate> sessions = List.of(
                Adherence.dayOf(local(2026, 10, 27, 23, 30), LOS_ANGELES),
                Adherence.dayOf(local(2026, 10, 29, 23, 30), LOS_ANGELES),
                Adherence.dayOf(local(2026, 11, 1, 23, 30), LOS_ANGELES));
        Report report = Adherence.of(List.of(active(monday, nov(30), 3)), sessions, nov(1));

        assertEquals(List.of(new Week(monday, 3, 3)), report.weeks());
        assertEquals(Optional.of(nov(1)), report.lastSession());
    }

    @Test
    void aSpringForwardWeekWithOnlyItsShortSundayActiveStillPrescribesOneSession() {
        LocalDate springForwardSunday = LocalDate.of(2026, 3, 8);
        Report report = Adherence.of(List.of(active(springForwardSunday, springForwardSunday.plusDays(30), 3)),
                List.of(Adherence.dayOf(local(2026, 3, 8, 23, 30), LOS_ANGELES)), springForwardSunday);

        assertEquals(List.of(new Week(LocalDate.of(2026, 3, 2), 1, 1)), report.weeks());
    }

    @Test
    void daysSinceCountsWholeCalendarDays() {
        assertEquals(OptionalLong.of(3), Adherence.daysSince(Optional.of(nov(20)), nov(23)));
        assertEquals(OptionalLong.of(0), Adherence.daysSince(Optional.of(nov(23)), nov(23)));
        assertEquals(OptionalLong.of(31), Adherence.daysSince(Optional.of(LocalDate.of(2026, 10, 23)), nov(23)));
        assertTrue(Adherence.daysSince(Optional.empty(), nov(23)).isEmpty());
    }

    @Test
    void daysSinceAcrossTheDaylightSavingChangeIsStillWholeDays() {
        // Sat 31 Oct to Mon 2 Nov in Los Angeles is 49 hours, but two days.
        assertEquals(OptionalLong.of(2), Adherence.daysSince(Optional.of(LocalDate.of(2026, 10, 31)), nov(2)));
    }

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(LOS_ANGELES).toInstant();
    }
}
