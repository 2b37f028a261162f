package io.backline.program;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import io.backline.web.FormErrors;

/** The prescription fields as typed, checked against the program version's limits, with a message per field. */
public record PrescriptionForm(String holdSeconds, String levels, String sessionsPerWeek, String startDate,
        String endDate, String notes) {

    public static PrescriptionForm defaults(LocalDate today) {
        return new PrescriptionForm("60", "3", "3", today.toString(), today.plusWeeks(6).toString(), "");
    }

    public static PrescriptionForm of(Prescription current) {
        return new PrescriptionForm(String.valueOf(current.holdSeconds), String.valueOf(current.levels),
                String.valueOf(current.sessionsPerWeek), current.startDate.toString(),
                current.endDate == null ? "" : current.endDate.toString(), current.notes == null ? "" : current.notes);
    }

    /** One session a day at most: the joints need the rest between sessions. */
    public static final int MAX_SESSIONS_PER_WEEK = 7;

    /** The checked input, or null with the reasons in {@code errors}. */
    public AssignmentService.PrescriptionInput check(ProgramVersion version, FormErrors errors) {
        Integer hold = errors.integer("holdSeconds", holdSeconds, Prescription.MIN_HOLD_SECONDS,
                Prescription.MAX_HOLD_SECONDS,
                "Hold time must be between 30 seconds and 30 minutes (30 to 1800 seconds).");
        if (hold != null && (hold < version.minHoldSeconds || hold > version.maxHoldSeconds)) {
            errors.add("holdSeconds", "This program allows holds from " + Durations.text(version.minHoldSeconds)
                    + " to " + Durations.text(version.maxHoldSeconds) + ".");
            hold = null;
        }
        int maxLevels = Math.max(1, version.levelNameList().size());
        Integer levelCount = errors.integer("levels", levels, 1, maxLevels,
                "Choose between 1 and " + maxLevels + " roller levels.");
        Integer perWeek = errors.integer("sessionsPerWeek", sessionsPerWeek, 1, MAX_SESSIONS_PER_WEEK,
                "Sessions per week must be between 1 and " + MAX_SESSIONS_PER_WEEK + ".");
        LocalDate start = date("startDate", startDate, true, errors);
        LocalDate end = date("endDate", endDate, false, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("endDate", "The end date cannot be before the start date.");
        }
        String note = errors.text("notes", notes, 2000, false, "The notes");
        if (!errors.isEmpty()) {
            return null;
        }
        return new AssignmentService.PrescriptionInput(hold, levelCount, perWeek, start, end, note);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new HashMap<>();
        map.put("holdSeconds", orEmpty(holdSeconds));
        map.put("levels", orEmpty(levels));
        map.put("sessionsPerWeek", orEmpty(sessionsPerWeek));
        map.put("startDate", orEmpty(startDate));
        map.put("endDate", orEmpty(endDate));
        map.put("notes", orEmpty(notes));
        return map;
    }

    private static LocalDate date(String field, String typed, boolean required, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            if (required) {
                errors.add(field, "Choose a date.");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(typed.strip());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                errors.add(field, "Choose a date between 2000 and 2100.");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "Write the date as YYYY-MM-DD.");
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
