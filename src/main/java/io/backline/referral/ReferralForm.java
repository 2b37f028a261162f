package io.backline.referral;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.web.form.RequestKey;
import io.backline.web.form.Typed;

/**
 * The referral form as typed, each field's rule stated once. Who the client and provider are, and whether the
 * provider takes referrals from trainers, need the database: {@link Referrals#save} checks those.
 */
public record ReferralForm(
        @RestForm String clientId,
        @RestForm String providerId,
        @RestForm @NotBlank(message = "Reason is required.")
        @Size(max = 1000, message = "Reason can be at most {max} characters.") String reason,
        @RestForm String urgency,
        @RestForm @Size(max = 2000, message = "Message can be at most {max} characters.") String message,
        @RestForm String shareProgram,
        @RestForm String shareAdherence,
        @RestForm String shareSessions,
        @RestForm String shareFlags,
        @RestForm List<String> flagIds,
        @RestForm @RequestKey(message = ReferralForm.EXPIRED) String requestKey) {

    /** A missing or edited one-time key: the page was not the one this server gave out. */
    static final String EXPIRED = "The form expired; please submit it again.";

    /** The urgency chosen, or null when it is not one of the choices. */
    Referral.Urgency urgencyLevel() {
        try {
            return Referral.Urgency.valueOf(Typed.text(urgency));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The flags ticked, as typed (ids not checked). */
    List<String> checkedFlags() {
        return flagIds == null ? List.of() : flagIds;
    }

    /** Only once every rule passed. */
    UUID key() {
        return UUID.fromString(requestKey.strip());
    }

    String reasonText() {
        return Typed.text(reason);
    }

    /** The message, or null when none was written. */
    String messageText() {
        String text = Typed.text(message);
        return text.isEmpty() ? null : text;
    }
}
