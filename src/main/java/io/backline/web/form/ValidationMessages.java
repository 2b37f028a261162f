package io.backline.web.form;

import io.quarkiverse.renarde.util.Validation;
import io.quarkus.qute.TemplateExtension;

/**
 * A field's messages as templates show them: {@code inject:validation.message('hold')}. Renarde ends every Bean
 * Validation message with a full stop, and ours are whole sentences already.
 */
@TemplateExtension
public final class ValidationMessages {
    private ValidationMessages() {
    }

    static String message(Validation validation, String field) {
        String messages = validation.getError(field);
        return messages == null ? "" : messages.replace("..", ".");
    }
}
