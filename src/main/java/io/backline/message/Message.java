package io.backline.message;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** One message of a client's conversation with their care team; {@code fromClient} says which side wrote it. */
@Entity
public class Message extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    public UUID authorUserId;
    public String authorName;
    public boolean fromClient;
    public String body;
    /** What the message is about, at most one of the two, both the conversation's client's. */
    public UUID sessionId;
    public UUID flagId;
    /** Set when the message is a trainer's flag note shared with the client. */
    public UUID flagNoteId;
    public UUID requestKey;
    public Instant writtenAt;
}
