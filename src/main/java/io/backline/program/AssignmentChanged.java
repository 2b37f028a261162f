package io.backline.program;

import java.util.UUID;

/** A step in an assignment's history, fired in its transaction so that features above can tell the client. */
public record AssignmentChanged(UUID clientId, UUID assignmentId, AssignmentEvent.Kind kind, UUID actorUserId) {
}
