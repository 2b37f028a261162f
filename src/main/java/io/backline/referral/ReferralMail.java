package io.backline.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** A referral email waiting to go out (or sent), written in the transaction that decided to send it. */
@Entity
public class ReferralMail extends OutboxEmail {
    public enum Kind {
        /** To the provider, with the signed link. */
        PROVIDER,
        /** To the referral's author, when the provider has not acknowledged in time. */
        REMINDER
    }

    @Id
    public UUID id;

    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String subject;
    public String body;

    static void queue(Referral referral, Kind kind, String recipientEmail, String subject, String body) {
        ReferralMail mail = new ReferralMail();
        mail.id = UUID.randomUUID();
        mail.referralId = referral.id;
        mail.kind = kind;
        mail.recipientEmail = recipientEmail;
        mail.subject = subject;
        mail.body = body;
        mail.createdAt = Instant.now();
        mail.sendAfter = mail.createdAt;
        mail.persist();
    }
}
