package io.backline.invitation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;

/**
 * The invitation form as typed, each field's own rule stated once; the rules that need the signed-in person or the
 * clinic's data are {@link InvitationService#check}'s.
 */
public record InvitationForm(
        @RestForm @NotBlank(message = "Name is required.")
        @Size(max = 160, message = "Name can be at most {max} characters.") String fullName,
        @RestForm @NotBlank(message = "Email is required.")
        @Size(max = 254, message = "Email can be at most {max} characters.") String email,
        @RestForm @Size(max = 40, message = "Phone can be at most {max} characters.") String phone,
        @RestForm String role,
        @RestForm String leadTrainerId,
        /** The form's one-time key: a double submit sends one invitation. */
        @RestForm @RequestKey(message = EXPIRED) String requestKey) {

    static final String EXPIRED = "The form expired; please submit it again.";
}
