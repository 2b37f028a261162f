package io.backline.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CurrentUser;

/** Records who viewed or changed a client's health data, with the request it happened in. */
@ApplicationScoped
public class AuditTrail {
    public static final String VIEWED_PROGRESS = "viewed progress";
    public static final String ASSIGNED = "assigned program";
    public static final String CHANGED_PRESCRIPTION = "changed prescription";
    public static final String PAUSED = "paused program";
    public static final String RESUMED = "resumed program";
    public static final String ENDED = "ended program";
    public static final String CHECKED_OFF = "checked off session";
    /** The actor's name when the client themselves acted. */
    public static final String CLIENT_ACTOR = "The client";

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestId requestId;

    @Inject
    AuditQuery events;

    /**
     * Joins the caller's transaction, so a change and its trace are saved together or not at all. A look at a page
     * has no transaction: its trace is saved at once, on its own.
     */
    public void record(UUID clientId, String action, String detail) {
        // The trail outlives an erasure and cannot be edited: a client acting on their own record is not named in it.
        String actor = currentUser.clientId().filter(clientId::equals).isPresent() ? CLIENT_ACTOR : currentUser.getName();
        recordBy(clientId, currentUser.userId(), actor, action, detail);
    }

    /** For someone who is not signed in, such as a provider opening a referral link: a fixed id and their name. */
    public void recordBy(UUID clientId, UUID actorId, String actorName, String action, String detail) {
        events.insert(clientId, actorId, truncate(actorName, 160), action, detail == null ? null : truncate(detail, 200),
                requestId.value());
    }

    /** One line of a client's access log, as the client sees it on their today page. */
    public record Entry(Instant happenedAt, String actorName, String action) {
    }

    /** The latest events about a client, newest first. */
    public List<Entry> forClient(UUID clientId, int limit) {
        return events.forClient(clientId, limit);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
