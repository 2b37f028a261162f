package io.backline.safety;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.FormErrors;

/** The pre-exercise questions as typed: every question needs a yes or a no. */
public final class ScreeningForm {
    private ScreeningForm() {
    }

    /** One question on the page, with what was chosen and, when it was left out, why it was refused. */
    public record Row(ScreeningQuestion question, String answer, String error) {
    }

    /** The "yes" answers, or null with a message on each question left without an answer. */
    public static Set<ScreeningQuestion> check(Map<String, String> typed, FormErrors errors) {
        Set<ScreeningQuestion> yes = EnumSet.noneOf(ScreeningQuestion.class);
        for (ScreeningQuestion question : ScreeningQuestion.values()) {
            String answer = typed.getOrDefault(question.field(), "");
            switch (answer) {
                case "yes" -> yes.add(question);
                case "no" -> {
                }
                default -> errors.add(question.field(), "Answer yes or no.");
            }
        }
        return errors.isEmpty() ? yes : null;
    }

    public static List<Row> rows(Map<String, String> typed, FormErrors errors) {
        return List.of(ScreeningQuestion.values()).stream()
                .map(q -> new Row(q, typed.getOrDefault(q.field(), ""), errors.get(q.field()))).toList();
    }

    /** What a form post carried, one field per question, named as the question. */
    public static class Answers {
        @RestForm("OSTEOPOROSIS")
        String osteoporosis;
        @RestForm("SPINE_OR_RIB_INJURY")
        String spineOrRibInjury;
        @RestForm("PREGNANCY")
        String pregnancy;
        @RestForm("CANCER")
        String cancer;
        @RestForm("INFLAMMATORY_ARTHRITIS")
        String inflammatoryArthritis;
        @RestForm("HYPERMOBILITY")
        String hypermobility;
        @RestForm("BLOOD_THINNERS")
        String bloodThinners;
        @RestForm("WEIGHT_LOSS_OR_NIGHT_PAIN")
        String weightLossOrNightPain;
        @RestForm
        public String requestKey;

        /** Anything but yes or no counts as no answer. */
        public Map<String, String> typed() {
            Map<String, String> typed = new HashMap<>();
            put(typed, ScreeningQuestion.OSTEOPOROSIS, osteoporosis);
            put(typed, ScreeningQuestion.SPINE_OR_RIB_INJURY, spineOrRibInjury);
            put(typed, ScreeningQuestion.PREGNANCY, pregnancy);
            put(typed, ScreeningQuestion.CANCER, cancer);
            put(typed, ScreeningQuestion.INFLAMMATORY_ARTHRITIS, inflammatoryArthritis);
            put(typed, ScreeningQuestion.HYPERMOBILITY, hypermobility);
            put(typed, ScreeningQuestion.BLOOD_THINNERS, bloodThinners);
            put(typed, ScreeningQuestion.WEIGHT_LOSS_OR_NIGHT_PAIN, weightLossOrNightPain);
            return typed;
        }

        private static void put(Map<String, String> typed, ScreeningQuestion question, String value) {
            typed.put(question.field(), "yes".equals(value) || "no".equals(value) ? value : "");
        }
    }
}
