package io.backline.session;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adherence as a client and trainer read it: sessions done against sessions prescribed, week by week (Monday to
 * Sunday, on the client's own calendar days), overall, and as a streak of weeks on target. Pure arithmetic on
 * dates, so daylight-saving changes cannot shift a session into another day.
 */
public final class Adherence {
    private Adherence() {
    }

    /** A stretch of days during which the program was active (not paused, not ended) at a given weekly target. */
    public record ActivePeriod(LocalDate from, LocalDate toInclusive, int sessionsPerWeek) {
    }

    public record Week(LocalDate monday, int prescribed, int done) {
        public int percent() {
            return prescribed == 0 ? 0 : (int) Math.round(100.0 * Math.min(done, prescribed) / prescribed);
        }
    }

    public record Report(List<Week> weeks, int prescribed, int done, int streakWeeks, Optional<LocalDate> lastSession) {
        public int percent() {
            return prescribed == 0 ? 0 : (int) Math.round(100.0 * done / prescribed);
        }
    }

    public static Report of(List<ActivePeriod> periods, Collection<LocalDate> sessionDays, LocalDate today) {
        // Per week: the weekly target spread over its active days (a target of 3 is 3/7 of a session a day).
        TreeMap<LocalDate, double[]> weeks = new TreeMap<>();
        Set<LocalDate> activeDays = new TreeSet<>();
        for (ActivePeriod period : periods) {
            LocalDate last = period.toInclusive().isAfter(today) ? today : period.toInclusive();
            for (LocalDate day = period.from(); !day.isAfter(last); day = day.plusDays(1)) {
                if (activeDays.add(day)) {
                    double[] week = weeks.computeIfAbsent(mondayOf(day), monday -> new double[2]);
                    week[0] += period.sessionsPerWeek() / 7.0;
                    week[1] += 1;
                }
            }
        }
        TreeSet<LocalDate> sessions = new TreeSet<>(sessionDays);
        List<Week> result = new ArrayList<>();
        int prescribedTotal = 0;
        int doneTotal = 0;
        for (var entry : weeks.entrySet()) {
            LocalDate monday = entry.getKey();
            int days = (int) entry.getValue()[1];
            int prescribed = Math.min(days, Math.max(1, (int) Math.round(entry.getValue()[0])));
            int done = (int) sessions.subSet(monday, true, monday.plusDays(6), true).stream()
                    .filter(activeDays::contains).count();
            result.add(new Week(monday, prescribed, done));
            prescribedTotal += prescribed;
            doneTotal += Math.min(done, prescribed);
        }
        Optional<LocalDate> lastSession = sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.last());
        return new Report(List.copyOf(result), prescribedTotal, doneTotal, streak(result, today), lastSession);
    }

    /** Weeks on target counted back from the latest; the week still under way counts only once it is met. */
    private static int streak(List<Week> weeks, LocalDate today) {
        int streak = 0;
        LocalDate currentMonday = mondayOf(today);
        for (int i = weeks.size() - 1; i >= 0; i--) {
            Week week = weeks.get(i);
            boolean met = week.done() >= week.prescribed();
            if (week.monday().equals(currentMonday) && !met) {
                continue;
            }
            if (!met) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /** The client's calendar day for an instant, e.g. for "today" or a session recorded at night. */
    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whole days since the last session (empty when there is none). */
    public static OptionalLong daysSince(Optional<LocalDate> lastSession, LocalDate today) {
        return lastSession.map(day -> OptionalLong.of(ChronoUnit.DAYS.between(day, today))).orElse(OptionalLong.empty());
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
