package io.backline.clinic;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.Typed;
import io.backline.web.form.WholeNumber;

/** The clinic settings form as typed, each field's rule stated once. */
public record SettingsForm(
        @RestForm @NotBlank(message = "Clinic name is required.")
        @Size(max = 120, message = "Clinic name can be at most {max} characters.") String name,
        @RestForm @NotBlank(message = "City is required.")
        @Size(max = 80, message = "City can be at most {max} characters.") String city,
        @RestForm String timezone,
        @RestForm @NotBlank(message = "The clinic's phone number is required.")
        @Pattern(regexp = "\\s*[0-9+()\\-. ]{7,30}\\s*",
                message = "Enter a phone number with digits, spaces, dashes or brackets, such as 503-555-0142.") String phone,
        @RestForm @WholeNumber(min = 1, max = SettingsForm.MAX_ANSWER_HOURS,
                message = "Enter a number of hours from 1 to {max}.") String answersWithinHours,
        @RestForm @WholeNumber(min = 1, max = 90, message = "Enter a number of days from 1 to 90.") String disengagedAfterDays,
        @RestForm @WholeNumber(min = 1, max = SettingsForm.MAX_RED_SEVERITY,
                message = "Enter a severity from 1 to {max}: a clinic may stop earlier than the program's rule, never later.") String redSeverity,
        @RestForm @WholeNumber(min = 0, max = 10, message = "Enter a severity from 0 to 10.") String amberSeverity,
        @RestForm @WholeNumber(min = 1, max = 10, message = "Enter a rise from 1 to 10.") String painRise,
        @RestForm @WholeNumber(min = 1, max = 10, message = "Enter a rise from 1 to 10.") String discomfortRise,
        @RestForm @WholeNumber(min = 1, max = 10, message = "Enter a count from 1 to 10.") String ambersForRed,
        @RestForm @WholeNumber(min = 1, max = 60, message = "Enter a number of days from 1 to 60.") String amberWindowDays,
        @RestForm @WholeNumber(min = 1, max = SettingsForm.MAX_ESCALATION_HOURS,
                message = "Enter a number of hours from 1 to {max}: an urgent flag reaches an admin within a day.") String escalateAfterHours,
        @RestForm String alertEmails,
        @RestForm @WholeNumber(min = 1, max = 60, message = "Enter a number of days from 1 to 60.") String referralAckDays) {

    /** A clinic may stop earlier than the program's rule, never later: the decision table's own limit. */
    static final int MAX_RED_SEVERITY = 7;
    /** An urgent flag nobody acknowledged reaches an admin within a day. */
    static final int MAX_ESCALATION_HOURS = 24;
    /** A clinic that takes longer than three days to answer cannot run a safety loop. */
    static final int MAX_ANSWER_HOURS = 72;

    boolean isZone() {
        try {
            ZoneId.of(timezone == null ? "" : timezone.strip());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    boolean amberNotBelowRed() {
        Integer red = Typed.wholeNumber(redSeverity);
        Integer amber = Typed.wholeNumber(amberSeverity);
        return red != null && amber != null && amber >= red;
    }

    /** Only once every rule passed. */
    void applyTo(Clinic clinic) {
        clinic.name = name.strip();
        clinic.city = city.strip();
        clinic.timezone = timezone.strip();
        clinic.phone = phone.strip();
        clinic.answersWithinHours = Typed.wholeNumber(answersWithinHours);
        clinic.disengagedAfterDays = Typed.wholeNumber(disengagedAfterDays);
        clinic.redSeverity = Typed.wholeNumber(redSeverity);
        clinic.amberSeverity = Typed.wholeNumber(amberSeverity);
        clinic.painRise = Typed.wholeNumber(painRise);
        clinic.discomfortRise = Typed.wholeNumber(discomfortRise);
        clinic.ambersForRed = Typed.wholeNumber(ambersForRed);
        clinic.amberWindowDays = Typed.wholeNumber(amberWindowDays);
        clinic.escalateAfterHours = Typed.wholeNumber(escalateAfterHours);
        clinic.alertEmails = alertEmails != null;
        clinic.referralAckDays = Typed.wholeNumber(referralAckDays);
    }
}
