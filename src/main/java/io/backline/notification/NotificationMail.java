package io.backline.notification;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** "Your clinic has an update for you in Backline", waiting for the burst of changes to end (or sent). */
@Entity
public class NotificationMail extends OutboxEmail {
    @Id
    public UUID id;

    public UUID clientId;
}
