package io.backline.reminder;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

/** The reminder settings form as typed; times are 24-hour HH:MM, days are day names. */
public record ReminderForm(
        @RestForm List<String> days,
        @RestForm @NotBlank(message = "{reminders.time.required}")
        @Pattern(regexp = ReminderForm.TIME, message = ReminderForm.TIME_MESSAGE) String time,
        @RestForm @Pattern(regexp = ReminderForm.TIME_OR_EMPTY, message = ReminderForm.TIME_MESSAGE) String quietFrom,
        @RestForm @Pattern(regexp = ReminderForm.TIME_OR_EMPTY, message = ReminderForm.TIME_MESSAGE) String quietUntil,
        @RestForm String emailOn) {

    static final String TIME = "\\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\\s*";
    static final String TIME_OR_EMPTY = "\\s*|" + TIME;
    static final String TIME_MESSAGE = "{reminders.time.range}";

    /** The typed day names that are not days of the week, as typed. */
    List<String> unknownDays() {
        return typedDays().stream().filter(day -> parse(day) == null).toList();
    }

    Set<DayOfWeek> dayset() {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        typedDays().stream().map(ReminderForm::parse).filter(day -> day != null).forEach(set::add);
        return set;
    }

    List<String> typedDays() {
        return days == null ? List.of() : days.stream().filter(day -> day != null && !day.isBlank()).toList();
    }

    boolean quietHalfSet() {
        return blank(quietFrom) != blank(quietUntil);
    }

    /** Whether the reminder would fall in the quiet hours (run only on input that passed the other checks). */
    boolean timeInQuietHours() {
        ReminderSettings quiet = new ReminderSettings();
        quiet.quietFrom = time(quietFrom);
        quiet.quietUntil = time(quietUntil);
        return quiet.quietAt(time(time));
    }

    static LocalTime time(String typed) {
        return blank(typed) ? null : LocalTime.parse(pad(typed.strip()));
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static DayOfWeek parse(String day) {
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
