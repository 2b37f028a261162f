package io.backline.symptom;

import java.util.UUID;

/** A trainer acknowledged the client's report; fired in the acknowledgement's transaction. */
public record FlagAcknowledged(UUID clientId, UUID flagId, UUID actorUserId) {
}
