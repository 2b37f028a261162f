package io.backline.symptom;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** One of the choices the symptom form offers, by name (what a radio button or checkbox sends); nothing else. */
@Constraint(validatedBy = FlagChoice.Validator.class)
@Target({ RECORD_COMPONENT, FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface FlagChoice {
    /** Which of the form's lists. */
    Of value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The form's lists, as {@link FlagForm.Choices} offers them. */
    enum Of {
        TYPE(FlagRules.Type.choices()), REGION(FlagRules.Region.choices()), WHEN(List.of(FlagRules.When.values())),
        SIGN(List.of(FlagRules.Sign.values()));

        private final List<String> names;

        Of(List<? extends Enum<?>> choices) {
            this.names = choices.stream().map(Enum::name).toList();
        }
    }

    class Validator implements ConstraintValidator<FlagChoice, String> {
        private List<String> names;

        @Override
        public void initialize(FlagChoice constraint) {
            names = constraint.value().names;
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            return typed != null && names.contains(typed.strip());
        }
    }
}
