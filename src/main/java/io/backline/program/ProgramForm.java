package io.backline.program;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.Typed;
import io.backline.web.form.WholeNumber;
import io.quarkiverse.renarde.util.Validation;

/** A clinic program's edit form as typed, each rule stated once: the constraints, and {@link #check} for the rest. */
public record ProgramForm(
        @RestForm @NotBlank(message = "The title is required.")
        @Size(max = 160, message = "The title can be at most {max} characters.") String title,
        @RestForm @NotBlank(message = "The summary is required.")
        @Size(max = 400, message = "The summary can be at most {max} characters.") String summary,
        @RestForm @NotBlank(message = "What it is for is required.")
        @Size(max = 4000, message = "What it is for can be at most {max} characters.") String purpose,
        @RestForm @NotBlank(message = "The steps is required.")
        @Size(max = 4000, message = "The steps can be at most {max} characters.") String steps,
        @RestForm @Size(max = 4000, message = "The cues can be at most {max} characters.") String cues,
        @RestForm @NotBlank(message = "The level names is required.")
        @Size(max = 600, message = "The level names can be at most {max} characters.") String levelNames,
        @RestForm @Size(max = 2000, message = "The level hints can be at most {max} characters.") String levelHints,
        @RestForm @WholeNumber(min = Prescription.MIN_HOLD_SECONDS, max = Prescription.MAX_HOLD_SECONDS,
                message = "The shortest hold must be between 30 and 1800 seconds (30 minutes).") String minHoldSeconds,
        @RestForm @WholeNumber(min = Prescription.MIN_HOLD_SECONDS, max = Prescription.MAX_HOLD_SECONDS,
                message = "The longest hold must be between 30 and 1800 seconds (30 minutes).") String maxHoldSeconds) {

    /** A program has one roller level at least, six at most. */
    static final int MAX_LEVELS = 6;

    /** The rules that need more than one field's text, where the field has no message yet. */
    void check(Validation validation) {
        int levelCount = ProgramVersion.lines(Typed.text(levelNames)).size();
        if (!validation.hasError("levelNames") && (levelCount < 1 || levelCount > MAX_LEVELS)) {
            validation.addError("levelNames", "Give between 1 and " + MAX_LEVELS + " levels, one per line.");
        }
        Integer min = Typed.wholeNumber(minHoldSeconds);
        Integer max = Typed.wholeNumber(maxHoldSeconds);
        if (!validation.hasError("minHoldSeconds") && !validation.hasError("maxHoldSeconds") && min != null
                && max != null && max < min) {
            validation.addError("maxHoldSeconds", "The longest hold cannot be shorter than the shortest one.");
        }
    }

    /** The edit; only once every rule passed. */
    ProgramCatalog.ProgramEdit edit() {
        return new ProgramCatalog.ProgramEdit(title, summary, purpose, steps, cues == null ? "" : cues, levelNames,
                levelHints, Typed.wholeNumber(minHoldSeconds), Typed.wholeNumber(maxHoldSeconds));
    }
}
