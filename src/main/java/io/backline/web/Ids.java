package io.backline.web;

import java.util.UUID;

import jakarta.ws.rs.NotFoundException;

/** Ids in addresses: a malformed one is just another id that is not there (404, never 500). */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /** For optional ids typed into forms: null when missing or malformed. */
    public static UUID parseOrNull(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
