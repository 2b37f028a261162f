package io.backline.program;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.IsoDate;
import io.backline.web.form.Typed;
import io.backline.web.form.WholeNumber;
import io.quarkiverse.renarde.util.Validation;

/**
 * The prescription fields as typed (the client page's assign and change forms), each rule stated once: the
 * constraints here, and {@link #check} for the rules that need the program version or another field.
 */
public record PrescriptionForm(
        @RestForm @WholeNumber(min = Prescription.MIN_HOLD_SECONDS, max = Prescription.MAX_HOLD_SECONDS,
                message = "Hold time must be between 30 seconds and 30 minutes (30 to 1800 seconds).") String holdSeconds,
        /** Its limit is the program version's level count: see {@link #check}. */
        @RestForm String levels,
        @RestForm @WholeNumber(min = 1, max = PrescriptionForm.MAX_SESSIONS_PER_WEEK,
                message = "Sessions per week must be between 1 and {max}.") String sessionsPerWeek,
        @RestForm @NotBlank(message = "Choose a date.") @IsoDate String startDate,
        @RestForm @IsoDate String endDate,
        @RestForm @Size(max = 2000, message = "The notes can be at most {max} characters.") String notes) {

    /** One session a day at most: the joints need the rest between sessions. */
    public static final int MAX_SESSIONS_PER_WEEK = 7;

    public static PrescriptionForm defaults(LocalDate today) {
        return new PrescriptionForm("60", "3", "3", today.toString(), today.plusWeeks(6).toString(), "");
    }

    public static PrescriptionForm of(Prescription current) {
        return new PrescriptionForm(String.valueOf(current.holdSeconds), String.valueOf(current.levels),
                String.valueOf(current.sessionsPerWeek), current.startDate.toString(),
                current.endDate == null ? "" : current.endDate.toString(), current.notes == null ? "" : current.notes);
    }

    /**
     * The rules that need the program version or two fields, added to {@code validation} where a field has no message
     * yet (its constraints were checked first).
     */
    public void check(ProgramVersion version, Validation validation) {
        Integer hold = Typed.wholeNumber(holdSeconds);
        if (!validation.hasError("holdSeconds") && hold != null
                && (hold < version.minHoldSeconds || hold > version.maxHoldSeconds)) {
            validation.addError("holdSeconds", "This program allows holds from " + Durations.text(version.minHoldSeconds)
                    + " to " + Durations.text(version.maxHoldSeconds) + ".");
        }
        int maxLevels = Math.max(1, version.levelNameList().size());
        Integer levelCount = Typed.wholeNumber(levels);
        if (levelCount == null || levelCount < 1 || levelCount > maxLevels) {
            validation.addError("levels", "Choose between 1 and " + maxLevels + " roller levels.");
        }
        LocalDate start = Typed.day(startDate);
        LocalDate end = Typed.day(endDate);
        if (!validation.hasError("startDate") && !validation.hasError("endDate") && start != null && end != null
                && end.isBefore(start)) {
            validation.addError("endDate", "The end date cannot be before the start date.");
        }
    }

    /** The checked input; only once the constraints and {@link #check} found nothing to refuse. */
    public AssignmentService.PrescriptionInput input() {
        return new AssignmentService.PrescriptionInput(Typed.wholeNumber(holdSeconds), Typed.wholeNumber(levels),
                Typed.wholeNumber(sessionsPerWeek), Typed.day(startDate), Typed.day(endDate), Typed.text(notes));
    }

    /** The fields as the form shows them, for a prescription not typed by anyone yet (the defaults, the current one). */
    public Map<String, String> asMap() {
        Map<String, String> map = new HashMap<>();
        map.put("holdSeconds", holdSeconds);
        map.put("levels", levels);
        map.put("sessionsPerWeek", sessionsPerWeek);
        map.put("startDate", startDate);
        map.put("endDate", endDate);
        map.put("notes", notes);
        return map;
    }
}
