package io.backline.people;

import java.util.UUID;

/** Fired in the deactivation's transaction: whatever waits for this person (a pending invitation) is withdrawn. */
public record Deactivated(UUID userId) {
}
