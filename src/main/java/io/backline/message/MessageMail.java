package io.backline.message;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** "You have a new message from the clinic", waiting for its recipient's hour (or sent). */
@Entity
public class MessageMail extends OutboxEmail {
    @Id
    public UUID id;

    public UUID recipientUserId;
}
