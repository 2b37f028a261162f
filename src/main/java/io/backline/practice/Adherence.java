package io.backline.practice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adherence as a client and trainer read it: sessions done against sessions prescribed, week by week (Monday to
 * Sunday, on the client's own calendar days), overall, and as a streak of weeks on target. Pure arithmetic on
 * calendar dates, so a daylight-saving change cannot make a day longer, shorter or move a session into another day.
 */
public final class Adherence {
    private Adherence() {
    }

    /** A stretch of days during which the program was active (not paused, not ended) at a given weekly target. */
    public record ActivePeriod(LocalDate from, LocalDate toInclusive, int sessionsPerWeek) {
        public ActivePeriod {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(toInclusive, "toInclusive");
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(toInclusive);
        }
    }

    /** One Monday-to-Sunday week: sessions prescribed so far and distinct session days done on active days. */
    public record Week(LocalDate monday, int prescribed, int done) {
        /** Share of the week's target done, 0–100; extra sessions do not take it past 100. */
        public int percent() {
            return percentOf(Math.min(done, prescribed), prescribed);
        }

        /** Whether the week's target has been reached. */
        public boolean met() {
            return done >= prescribed;
        }
    }

    /** Weeks oldest first; totals count at most a week's target per week, so extra sessions never hide a missed week. */
    public record Report(List<Week> weeks, int prescribed, int done, int streakWeeks, Optional<LocalDate> lastSession) {
        /** Overall adherence, 0–100, rounded; 0 when nothing has been prescribed yet. */
        public int percent() {
            return percentOf(done, prescribed);
        }
    }

    public static Report of(List<ActivePeriod> periods, Collection<LocalDate> sessionDays, LocalDate today) {
        LocalDate lastSession = null;
        for (LocalDate day : sessionDays) {
            if (!day.isAfter(today) && (lastSession == null || day.isAfter(lastSession))) {
                lastSession = day;
            }
        }
        Optional<LocalDate> last = Optional.ofNullable(lastSession);
        Calendar calendar = Calendar.of(withStopDaysSessionsDoneOn(periods, sessionDays, today), today);
        if (calendar == null) {
            return new Report(List.of(), 0, 0, 0, last);
        }
        // Arrays indexed by day from the first Monday, as a dashboard computes this for every client on every visit.
        boolean[] sessionOn = new boolean[calendar.targets().length];
        for (LocalDate day : sessionDays) {
            int index = calendar.indexOf(day);
            if (index >= 0 && index < sessionOn.length) {
                sessionOn[index] = true; // two check-offs on one day are one session
            }
        }
        List<Week> weeks = new ArrayList<>();
        int prescribedTotal = 0;
        int doneTotal = 0;
        for (int monday = 0; monday < sessionOn.length; monday += 7) {
            int activeDays = 0;
            int sevenths = 0;
            int done = 0;
            for (int day = monday; day < monday + 7 && day < sessionOn.length; day++) {
                int target = calendar.targets()[day];
                if (target >= 0) {
                    activeDays++;
                    sevenths += target;
                    done += sessionOn[day] ? 1 : 0;
                }
            }
            if (activeDays == 0) {
                continue;
            }
            int prescribed = prescribed(activeDays, sevenths);
            weeks.add(new Week(calendar.firstMonday().plusDays(monday), prescribed, done));
            prescribedTotal += prescribed;
            doneTotal += Math.min(done, prescribed);
        }
        return new Report(List.copyOf(weeks), prescribedTotal, doneTotal, streak(weeks, today), last);
    }

    /**
     * Every active day up to today with the weekly target in force on it (-1 on inactive days), from the Monday of
     * the first active day. Days after today prescribe nothing yet. Should two periods overlap, the day counts once,
     * at the target of the period listed first. Null when no day is active.
     */
    private record Calendar(LocalDate firstMonday, int[] targets) {
        static Calendar of(List<ActivePeriod> periods, LocalDate today) {
            LocalDate first = null;
            LocalDate last = null;
            for (ActivePeriod period : periods) {
                LocalDate end = period.toInclusive().isAfter(today) ? today : period.toInclusive();
                if (!period.from().isAfter(end)) {
                    first = first == null || period.from().isBefore(first) ? period.from() : first;
                    last = last == null || end.isAfter(last) ? end : last;
                }
            }
            if (first == null) {
                return null;
            }
            LocalDate firstMonday = mondayOf(first);
            int[] targets = new int[(int) ChronoUnit.DAYS.between(firstMonday, last) + 1];
            java.util.Arrays.fill(targets, -1);
            for (ActivePeriod period : periods) {
                LocalDate end = period.toInclusive().isAfter(today) ? today : period.toInclusive();
                for (LocalDate day = period.from(); !day.isAfter(end); day = day.plusDays(1)) {
                    int index = (int) ChronoUnit.DAYS.between(firstMonday, day);
                    if (targets[index] < 0) {
                        targets[index] = period.sessionsPerWeek();
                    }
                }
            }
            return new Calendar(firstMonday, targets);
        }

        int indexOf(LocalDate day) {
            return (int) (day.toEpochDay() - firstMonday.toEpochDay());
        }
    }

    /**
     * A pause or end takes effect for the whole day, yet a session checked off earlier that day was done while the
     * program ran: such a day stays active, at the target of the run it closes, so "1 of 3" does not become "0 of 2".
     */
    static List<ActivePeriod> withStopDaysSessionsDoneOn(List<ActivePeriod> periods, Collection<LocalDate> sessionDays,
            LocalDate today) {
        List<LocalDate> stopDays = new ArrayList<>();
        for (ActivePeriod period : periods) {
            LocalDate next = period.toInclusive().plusDays(1);
            if (!next.isAfter(today) && periods.stream().noneMatch(other -> other.covers(next))) {
                stopDays.add(next);
            }
        }
        if (stopDays.isEmpty()) {
            return periods;
        }
        List<LocalDate> kept = new ArrayList<>();
        for (LocalDate day : sessionDays) {
            if (stopDays.contains(day)) {
                kept.add(day);
            }
        }
        if (kept.isEmpty()) {
            return periods;
        }
        return periods.stream().map(period -> kept.contains(period.toInclusive().plusDays(1))
                ? new ActivePeriod(period.from(), period.toInclusive().plusDays(1), period.sessionsPerWeek())
                : period).toList();
    }

    /** The client's calendar day for an instant, e.g. for "today" or a session recorded at night. */
    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        // The zone's rules, not a fixed offset: 23:30 on the night the clocks change is still that night.
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whole days since the last session (empty when there is none). */
    public static OptionalLong daysSince(Optional<LocalDate> lastSession, LocalDate today) {
        return lastSession.map(day -> OptionalLong.of(ChronoUnit.DAYS.between(day, today))).orElse(OptionalLong.empty());
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * A week's target prorated by its active days: each day carries a seventh of the weekly target in force that
     * day. Counted in whole sevenths so the sum is exact; a sum of n/7 is never exactly half-way, so rounding is
     * unambiguous. At least one session (a single active day still asks for something) and at most one a day.
     */
    private static int prescribed(int activeDays, int sevenths) {
        int rounded = (int) Math.round(sevenths / 7.0);
        return Math.min(activeDays, Math.max(1, rounded));
    }

    /** Weeks on target counted back from the latest; the week under way adds once met and cannot break the run. */
    private static int streak(List<Week> weeks, LocalDate today) {
        LocalDate currentMonday = mondayOf(today);
        int streak = 0;
        for (Week week : weeks.reversed()) {
            if (week.met()) {
                streak++;
            } else if (!week.monday().equals(currentMonday)) {
                break;
            }
        }
        return streak;
    }

    private static int percentOf(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
