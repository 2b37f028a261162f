package io.backline.safety;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;

/**
 * The pre-exercise questions as typed, by the client (ClientScreening) or by staff for them (StaffSafety): every
 * question needs a yes or a no. Each answer's field, and so its component here, is named as its question.
 */
public record ScreeningForm(
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String OSTEOPOROSIS,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String SPINE_OR_RIB_INJURY,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String PREGNANCY,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String CANCER,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String INFLAMMATORY_ARTHRITIS,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String HYPERMOBILITY,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String BLOOD_THINNERS,
        @RestForm @NotNull(message = ScreeningForm.ANSWER) @Pattern(regexp = "yes|no", message = ScreeningForm.ANSWER) String WEIGHT_LOSS_OR_NIGHT_PAIN,
        /** The form's one-time key: the same answers sent twice save once. */
        @RestForm @RequestKey(message = ScreeningForm.EXPIRED) String requestKey) {

    static final String ANSWER = "{screening.answer}";
    static final String EXPIRED = "{screening.expired}";

    /** One question on the page, with what was chosen ("yes", "no" or nothing). */
    public record Row(ScreeningQuestion question, String answer) {
    }

    /** The questions with the answers typed into the form ({@code typed} by field name), to show it again. */
    public static List<Row> rows(Map<String, String> typed) {
        return List.of(ScreeningQuestion.values()).stream()
                .map(q -> new Row(q, typed.getOrDefault(q.field(), ""))).toList();
    }

    /** The questions answered "yes"; only once every answer passed. */
    Set<ScreeningQuestion> yes() {
        Map<ScreeningQuestion, String> answers = Map.of(ScreeningQuestion.OSTEOPOROSIS, OSTEOPOROSIS,
                ScreeningQuestion.SPINE_OR_RIB_INJURY, SPINE_OR_RIB_INJURY, ScreeningQuestion.PREGNANCY, PREGNANCY,
                ScreeningQuestion.CANCER, CANCER, ScreeningQuestion.INFLAMMATORY_ARTHRITIS, INFLAMMATORY_ARTHRITIS,
                ScreeningQuestion.HYPERMOBILITY, HYPERMOBILITY, ScreeningQuestion.BLOOD_THINNERS, BLOOD_THINNERS,
                ScreeningQuestion.WEIGHT_LOSS_OR_NIGHT_PAIN, WEIGHT_LOSS_OR_NIGHT_PAIN);
        Set<ScreeningQuestion> yes = EnumSet.noneOf(ScreeningQuestion.class);
        answers.forEach((question, answer) -> {
            if ("yes".equals(answer)) {
                yes.add(question);
            }
        });
        return yes;
    }

    UUID key() {
        return UUID.fromString(requestKey.strip());
    }
}
