package io.backline.web.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in the US read them: "Dec 5, 2026" in English, "5 dic 2026" in Spanish; forms keep ISO. */
public final class Dates {
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy",
            Languages.locale(Languages.SPANISH));
    // The zone's short name says which clock the time is on ("PST"), as every clinic's people read it.
    private static final DateTimeFormatter ENGLISH_MOMENT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z",
            Locale.US);
    private static final DateTimeFormatter SPANISH_MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, H:mm z",
            Languages.locale(Languages.SPANISH));

    private Dates() {
    }

    public static String date(LocalDate date, String language) {
        if (date == null) {
            return "";
        }
        return (Languages.SPANISH.equals(language) ? SPANISH_DATE : ENGLISH_DATE).format(date);
    }

    public static String moment(Instant instant, ZoneId zone, String language) {
        if (instant == null) {
            return "";
        }
        return (Languages.SPANISH.equals(language) ? SPANISH_MOMENT : ENGLISH_MOMENT).withZone(zone).format(instant);
    }

    /** A day of the week's full name, e.g. "Monday" or "lunes". */
    public static String dayName(java.time.DayOfWeek day, String language) {
        return day.getDisplayName(java.time.format.TextStyle.FULL, Languages.locale(language));
    }
}
