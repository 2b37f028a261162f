package io.backline.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.symptom.FlagNoteShared;
import io.backline.web.i18n.Texts;

/**
 * Writes to a client's conversation: a message saves once per form (its request key), marks the conversation read up
 * to it for its author, and asks the other side's email (one waiting per person, at most one an hour).
 */
@ApplicationScoped
public class MessageService {
    public static final int MAX_LENGTH = 2000;
    static final String ABOUT = "about";

    @Inject
    MessageQuery query;
    @Inject
    AuditTrail audit;

    /** Who wrote: the signed-in person, and on which side of the conversation. */
    public record Author(UUID userId, String name, boolean client) {
    }

    /** The form's rule that needs the database: what the message is about must be the client's. Null when fine. */
    String check(Client client, MessageForm form) {
        return about(client, form.about()).isPresent() || blank(form.about()) ? null : Texts.get("messages.notTheirs");
    }

    @Transactional
    public Message send(Client client, Author author, MessageForm form) {
        UUID key = UUID.fromString(form.requestKey().strip());
        Optional<Message> same = Message.<Message> find("requestKey", key).firstResultOptional();
        if (same.isPresent()) {
            return same.get();
        }
        Message message = newMessage(client.id, author, form.body().strip());
        about(client, form.about()).ifPresent(about -> {
            if (about.kind().equals("session")) {
                message.sessionId = about.id();
            } else {
                message.flagId = about.id();
            }
        });
        message.requestKey = key;
        message.persist();
        delivered(message);
        // With the message, once: a form sent twice finds it above and writes no second trace.
        audit.record(client.id, AuditTrail.SENT_MESSAGE, null);
        return message;
    }

    /** Turns the person's "new message" email on or off; one waiting is dropped when off. */
    @Transactional
    public void setEmail(UUID userId, boolean on) {
        query.setEmail(userId, on);
        if (!on) {
            MessageMail.delete("recipientUserId = ?1 and sentAt is null", userId);
        }
    }

    /** Marks what the reader has now seen of the client's conversation. */
    @Transactional
    public void read(UUID clientId, UUID readerUserId) {
        query.markRead(clientId, readerUserId, Instant.now());
    }

    /** A shared flag note joins the conversation as the trainer's message, in the note's transaction. */
    void shared(@Observes FlagNoteShared note) {
        Message.flush(); // the note's row first: the message points at it
        Message message = newMessage(note.clientId(), new Author(note.authorUserId(), note.authorName(), false),
                note.text().length() > MAX_LENGTH ? note.text().substring(0, MAX_LENGTH) : note.text());
        message.flagId = note.flagId();
        message.flagNoteId = note.noteId();
        message.requestKey = UUID.randomUUID();
        message.persist();
        delivered(message);
    }

    private void delivered(Message message) {
        query.markRead(message.clientId, message.authorUserId, message.writtenAt);
        List<MessageQuery.Recipient> recipients = query.recipients(message.clientId, !message.fromClient);
        recipients.stream().filter(r -> !r.userId().equals(message.authorUserId)).forEach(query::queueMail);
    }

    private static Message newMessage(UUID clientId, Author author, String body) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.clientId = clientId;
        message.authorUserId = author.userId();
        message.authorName = author.name().length() > 160 ? author.name().substring(0, 160) : author.name();
        message.fromClient = author.client();
        message.body = body;
        message.writtenAt = Instant.now();
        return message;
    }

    private record About(String kind, UUID id) {
    }

    private Optional<About> about(Client client, String about) {
        if (blank(about)) {
            return Optional.empty();
        }
        String[] parts = about.strip().split(":", 2);
        if (parts.length != 2 || !(parts[0].equals("session") || parts[0].equals("flag"))) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(parts[1]);
            return query.belongs(client.id, parts[0], id) ? Optional.of(new About(parts[0], id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
