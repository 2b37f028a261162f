package io.backline.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import io.backline.program.Prescription;

/**
 * The days a prescription plans a session on. The prescription says how many a week, not which days, so they are
 * spread evenly over each Monday-to-Sunday week (adherence's week): day {@code floor(i * 7 / n)} after Monday for
 * the i-th of n sessions, so 1 is Monday; 2 Monday and Thursday; 3 Monday, Wednesday and Friday; 4 adds Saturday to
 * Monday, Tuesday and Thursday. Days before the start or after the end date are left out.
 */
final class SessionDays {
    private SessionDays() {
    }

    /** The planned days from {@code from} to {@code to}, both included, oldest first. */
    static List<LocalDate> planned(Prescription prescription, LocalDate from, LocalDate to) {
        int perWeek = Math.min(prescription.sessionsPerWeek, 7);
        LocalDate first = from.isAfter(prescription.startDate) ? from : prescription.startDate;
        LocalDate last = prescription.endDate != null && prescription.endDate.isBefore(to) ? prescription.endDate : to;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(last);
                monday = monday.plusWeeks(1)) {
            for (int i = 0; i < perWeek; i++) {
                LocalDate day = monday.plusDays(i * 7L / perWeek);
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    days.add(day);
                }
            }
        }
        return days;
    }
}
