package io.backline.web.form;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A whole number typed into a form field, from {@link #min()} to {@link #max()}. The field stays a string so that
 * "abc" or an empty box reaches the page as a message instead of failing the request's parameter conversion.
 */
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ PARAMETER, FIELD, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface WholeNumber {
    long min();

    long max();

    /** An empty box is accepted (it means "not given"); the field's own message otherwise. */
    boolean optional() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WholeNumber, String> {
        private long min;
        private long max;
        private boolean optional;

        @Override
        public void initialize(WholeNumber constraint) {
            min = constraint.min();
            max = constraint.max();
            optional = constraint.optional();
        }

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            if (typed == null || typed.isBlank()) {
                return optional;
            }
            Integer value = Typed.wholeNumber(typed);
            return value != null && value >= min && value <= max;
        }
    }
}
