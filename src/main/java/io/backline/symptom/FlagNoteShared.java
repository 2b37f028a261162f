package io.backline.symptom;

import java.util.UUID;

/** A trainer's flag note marked "share with the client", fired in the note's transaction for the conversation. */
public record FlagNoteShared(UUID clientId, UUID flagId, UUID noteId, UUID authorUserId, String authorName,
        String text) {
}
