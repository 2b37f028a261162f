package io.backline.web.form;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.UUID;

/**
 * A form's one-time key (a double submit saves once): present and a UUID in any letter case, as
 * {@code java.util.UUID.fromString} reads it. Missing or edited, the form is treated as expired.
 */
@NotNull
@UUID(letterCase = UUID.LetterCase.INSENSITIVE, version = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 })
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ PARAMETER, FIELD, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface RequestKey {
    String message() default "The form expired; please send it again.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
