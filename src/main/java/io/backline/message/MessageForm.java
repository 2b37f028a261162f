package io.backline.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;

/**
 * A message as typed: its text, what it is about ({@code session:<id>} or {@code flag:<id>}, optional; that it is the
 * conversation's client's is checked by {@link MessageService#check}), and the form's one-time key.
 */
public record MessageForm(
        @RestForm @NotBlank(message = TEXT) @Size(max = MessageService.MAX_LENGTH, message = TEXT) String body,
        @RestForm String about,
        /** A double submit saves one message. */
        @RestForm @RequestKey(message = EXPIRED) String requestKey) {

    static final String TEXT = "{message.text}";
    static final String EXPIRED = "{message.expired}";
}
