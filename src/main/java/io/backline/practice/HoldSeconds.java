package io.backline.practice;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.backline.web.form.Typed;

/**
 * One level's hold as typed into its box: whole seconds from 0 to {@link #MAX} (thirty minutes, longer than anyone
 * holds a roller level). {@code web.form.WholeNumber}'s rule for the elements of a list, which it cannot annotate.
 */
@Constraint(validatedBy = HoldSeconds.Validator.class)
@Target(TYPE_USE)
@Retention(RUNTIME)
public @interface HoldSeconds {
    int MAX = 1800;

    String message() default "Give the seconds you held at this level, from 0 to 1800 (30 minutes).";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HoldSeconds, String> {
        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            Integer seconds = Typed.wholeNumber(typed);
            return seconds != null && seconds >= 0 && seconds <= MAX;
        }
    }
}
