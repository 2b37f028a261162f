package io.backline.safety;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;
import io.backline.web.form.IsoDate;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.util.Validation;

/**
 * A clearance as a trainer records it on the safety record, each rule stated once: the constraints, and
 * {@link #check} for those that need the client's status or the clinic's day.
 */
public record ClearanceForm(
        @RestForm @NotBlank(message = "The health professional's name is required.")
        @Size(max = 160, message = "The health professional's name can be at most {max} characters.") String professionalName,
        /** One of {@link Clearance.Role}'s names: see {@link #check}. */
        @RestForm String professionalRole,
        @RestForm @NotBlank(message = ClearanceForm.DAY) @IsoDate(message = ClearanceForm.DAY) String clearedOn,
        /** The checkbox: present ("on") when ticked. */
        @RestForm String withLimits,
        @RestForm @NotBlank(message = "The note is required.")
        @Size(max = 2000, message = "The note can be at most {max} characters.") String note,
        /** The form's one-time key: the same clearance sent twice saves once. */
        @RestForm @RequestKey(message = ScreeningForm.EXPIRED) String requestKey) {

    static final String DAY = "Give the date of the clearance (YYYY-MM-DD).";

    /**
     * The role is one of those who may clear a client; the day is not in the future (the clinic's {@code today}), and
     * not before what asked for the clearance.
     */
    void check(Clearances.Status status, LocalDate today, ZoneId zone, Validation validation) {
        if (role() == null) {
            validation.addError("professionalRole", "Choose the health professional's role.");
        }
        LocalDate day = Typed.day(clearedOn);
        if (validation.hasError("clearedOn") || day == null) {
            return;
        }
        if (day.isAfter(today)) {
            validation.addError("clearedOn", "The clearance date can't be in the future.");
        } else if (status.neededSince() != null && day.isBefore(LocalDate.ofInstant(status.neededSince(), zone))) {
            validation.addError("clearedOn", "A clearance must come after what asked for it: " + status.why() + ".");
        }
    }

    Clearance.Role role() {
        try {
            return Clearance.Role.valueOf(professionalRole == null ? "" : professionalRole.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The clearance; only once every rule passed. */
    Clearances.Input input() {
        return new Clearances.Input(Typed.text(professionalName), role(), Typed.day(clearedOn), withLimits != null,
                Typed.text(note));
    }

    java.util.UUID key() {
        return java.util.UUID.fromString(requestKey.strip());
    }
}
