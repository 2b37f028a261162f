package io.backline.web.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Values read from form fields that Bean Validation already checked: an empty or unreadable box reads as null. */
public final class Typed {
    private Typed() {
    }

    /** The whole number in a field checked with {@link WholeNumber}. */
    public static Integer wholeNumber(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The day in a field checked with {@link IsoDate}. */
    public static LocalDate day(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Text with its surrounding spaces removed; absent reads as empty. */
    public static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
