package io.backline.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** What a client chose for their session reminders; no row, no reminders. */
@Entity
public class ReminderSettings extends ClinicOwned {
    @Id
    public UUID clientId;

    public String days;
    public LocalTime remindAt;
    public LocalTime quietFrom;
    public LocalTime quietUntil;
    public boolean emailOn;
    public LocalDate lastPlannedOn;
    public LocalDate lastNudgedWeek;
    public Instant updatedAt;

    public Set<DayOfWeek> daySet() {
        return days == null || days.isBlank() ? EnumSet.noneOf(DayOfWeek.class)
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    static String daysText(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** Whether this time of day falls in the quiet hours (which may run past midnight). */
    boolean quietAt(LocalTime time) {
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil) ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** Days spread over the week for this many sessions, Monday first: the form's suggestion before any choice. */
    static Set<DayOfWeek> suggestedDays(int sessionsPerWeek) {
        return switch (Math.clamp(sessionsPerWeek, 1, 7)) {
            case 1 -> EnumSet.of(DayOfWeek.MONDAY);
            case 2 -> EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
            case 3 -> EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            case 4 -> EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            case 5 -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case 6 -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
            default -> EnumSet.allOf(DayOfWeek.class);
        };
    }
}
