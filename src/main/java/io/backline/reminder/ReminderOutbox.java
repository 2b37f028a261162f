package io.backline.reminder;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.backline.jobs.OutboxEmail;

/** A reminder email waiting to go out (or sent): one per client, kind and day. */
@Entity
public class ReminderOutbox extends OutboxEmail {
    public enum Kind {
        SESSION, MISSED_WEEK
    }

    @Id
    public UUID id;

    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public LocalDate dueOn;
}
