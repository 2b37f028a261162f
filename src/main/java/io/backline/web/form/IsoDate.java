package io.backline.web.form;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A day typed as YYYY-MM-DD (what a browser's date box sends), between 2000 and 2100. Empty is accepted: add
 * {@code @NotBlank} where the day is required.
 */
@Constraint(validatedBy = IsoDate.Validator.class)
@Target({ PARAMETER, FIELD, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface IsoDate {
    String message() default "Write the date as YYYY-MM-DD, between 2000 and 2100.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {
        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            if (typed == null || typed.isBlank()) {
                return true;
            }
            LocalDate day = Typed.day(typed);
            return day != null && day.getYear() >= 2000 && day.getYear() <= 2100;
        }
    }
}
