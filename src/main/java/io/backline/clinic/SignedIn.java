package io.backline.clinic;

import java.util.UUID;

/** Fired when someone lands in Backline after signing in to a clinic: a waiting invitation becomes accepted. */
public record SignedIn(UUID userId) {
}
