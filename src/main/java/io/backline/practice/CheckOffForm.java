package io.backline.practice;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;
import io.backline.web.form.IsoDate;
import io.backline.web.form.Typed;
import io.backline.web.form.WholeNumber;

/**
 * A check-off as sent, by the today page's form or the API, each rule stated once: {@link CheckOffService#check}
 * validates it for both, and adds the rule that needs the prescription (one hold per level). The values stay text so
 * that "abc" gets its message; the API turns its typed JSON into this shape. The components are in the order the API
 * reports the first refused one.
 */
public record CheckOffForm(
        @RestForm @RequestKey(message = CheckOffForm.EXPIRED) String idempotencyKey,
        @RestForm @NotBlank(message = CheckOffForm.DATE) @IsoDate(message = CheckOffForm.DATE) String performedOn,
        @RestForm("hold") List<@WholeNumber(min = 0, max = 1800,
                message = "{checkOff.hold.range}") String> holdSeconds,
        @RestForm @WholeNumber(min = 0, max = 10, message = "{checkOff.discomfort.range}") String discomfort,
        @RestForm @NotNull(message = CheckOffForm.FEELING)
        @Pattern(regexp = "EASY|GOOD|INTENSE|HARD", message = CheckOffForm.FEELING) String feeling,
        @RestForm @Size(max = 1000, message = "{checkOff.note.size}") String note,
        /** The form's checkbox: present ("on") when ticked. */
        @RestForm String worseOrUnsafe) {

    static final String EXPIRED = "{checkOff.expired}";
    static final String DATE = "{checkOff.date}";
    static final String FEELING = "{checkOff.feeling}";

    public CheckOffForm {
        holdSeconds = holdSeconds == null ? List.of() : new ArrayList<>(holdSeconds);
    }

    /** The page's form has one hold box per prescribed level: those, an empty one for each not sent. */
    CheckOffForm withLevels(int levels) {
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            holds.add(i < holdSeconds.size() && holdSeconds.get(i) != null ? holdSeconds.get(i) : "");
        }
        return new CheckOffForm(idempotencyKey, performedOn, holds, discomfort, feeling, note, worseOrUnsafe);
    }

    public boolean ticked() {
        return worseOrUnsafe != null;
    }

    /** The typed check-off; only once {@link CheckOffService#check} found nothing to refuse. */
    CheckOffService.CheckOff checked() {
        return new CheckOffService.CheckOff(Typed.day(performedOn),
                holdSeconds.stream().mapToInt(Typed::wholeNumber).toArray(), Typed.wholeNumber(discomfort),
                SessionLog.Feeling.valueOf(feeling), note, ticked(), java.util.UUID.fromString(idempotencyKey.strip()));
    }
}
