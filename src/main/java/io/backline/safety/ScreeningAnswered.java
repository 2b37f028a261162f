package io.backline.safety;

import java.util.UUID;

/**
 * Fired in the transaction that saves a screening with a "yes": whoever runs the client's program pauses it until a
 * clearance is recorded (an event, so that this package needs nothing of the program's).
 */
public record ScreeningAnswered(UUID clientId, UUID actorUserId, String reason) {
}
