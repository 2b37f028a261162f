package io.backline.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backline.clinic.CurrentUser;
import io.backline.clinic.SettingsChanged;
import io.backline.web.i18n.Texts;

/**
 * Records who viewed or changed a client's health data, or the clinic's people, settings, programs and imports, with
 * the request it happened in. Action names are plain words: the admin's audit page shows them as they are.
 */
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
    public static final String READ_CLIENT_THROUGH_API = "read client through the API";
    public static final String REVOKED_PROVIDER_LINK = "revoked provider link";
    public static final String COMPLETED_REFERRAL = "completed referral";
    public static final String VIEWED_FLAG_QUEUE = "viewed flag queue";
    public static final String VIEWED_DASHBOARD = "viewed dashboard";
    public static final String DEACTIVATED_STAFF = "deactivated staff member";
    public static final String REACTIVATED_STAFF = "reactivated staff member";
    public static final String CHANGED_SETTINGS = "changed clinic settings";
    public static final String SENT_INVITATION = "sent invitation";
    public static final String RESENT_INVITATION = "resent invitation";
    public static final String REVOKED_INVITATION = "revoked invitation";
    public static final String CREATED_PROGRAM = "created program";
    public static final String EDITED_PROGRAM = "edited program";
    public static final String STARTED_IMPORT = "started provider import";
    public static final String FINISHED_IMPORT = "finished provider import";
    public static final String SIGNED_IN = "signed in";
    public static final String SENT_MESSAGE = "sent message";
    public static final String VIEWED_MESSAGES = "viewed messages";
    public static final String REBUILT_DEMO_HISTORY = "rebuilt demo history";

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestId requestId;

    @Inject
    AuditQuery events;

    /**
     * A change: joins the caller's transaction, so the change and its trace are saved together or not at all. Like a
     * look, the trace waits unchained until {@link AuditChainer} chains it within seconds (docs/adr/0048): the
     * busiest change, a check-off, would otherwise queue every client of a clinic on the chain's lock.
     */
    public void record(UUID clientId, String action, String detail) {
        record(AuditSubject.client(clientId), action, detail);
    }

    /** As {@link #record(UUID, String, String)}, about something that may not be a client. */
    public void record(AuditSubject subject, String action, String detail) {
        recordBy(subject, currentUser.userId(), actorName(subject), action, detail);
    }

    /**
     * A look that changes nothing (a page, an export, an API read): saved at once in one statement, unchained, and
     * chained by {@link AuditChainer} within seconds, so that one clinic's looks never wait for one another on the
     * chain's lock (docs/adr/0047). Readers see it from the start.
     */
    public void recordView(UUID clientId, String action, String detail) {
        recordView(AuditSubject.client(clientId), action, detail);
    }

    /** As {@link #recordView(UUID, String, String)}, about something that may not be a client. */
    public void recordView(AuditSubject subject, String action, String detail) {
        recordBy(subject, currentUser.userId(), actorName(subject), action, detail);
    }

    /** A look by someone who is not signed in, such as a provider opening a referral link. */
    public void recordViewBy(UUID clientId, UUID actorId, String actorName, String action, String detail) {
        recordBy(AuditSubject.client(clientId), actorId, actorName, action, detail);
    }

    private String actorName(AuditSubject subject) {
        // The trail outlives an erasure and cannot be edited: a client acting on their own record is not named in it.
        boolean ownRecord = subject.clientId() != null && currentUser.clientId().filter(subject.clientId()::equals).isPresent();
        return ownRecord ? CLIENT_ACTOR : currentUser.getName();
    }

    /** For someone who is not signed in, such as a provider opening a referral link: a fixed id and their name. */
    public void recordBy(UUID clientId, UUID actorId, String actorName, String action, String detail) {
        recordBy(AuditSubject.client(clientId), actorId, actorName, action, detail);
    }

    /** For work done on someone's behalf outside their request, such as an import they started. */
    public void recordBy(AuditSubject subject, UUID actorId, String actorName, String action, String detail) {
        events.insert(subject, actorId, truncate(actorName, 160), action, detail == null ? null : truncate(detail, 200),
                requestId.value());
    }

    /** Settings live below this package (clinic), so they announce a change and the trail records it here. */
    void onSettingsChanged(@Observes SettingsChanged changed) {
        record(AuditSubject.clinic(), CHANGED_SETTINGS, String.join(", ", changed.fields()));
    }

    /** One line of a client's access log, as the client sees it on their today page. */
    public record Entry(Instant happenedAt, String actorName, String action) {
        /** The action in the reader's language; stored in English, and shown as stored when no bundle names it. */
        public String shownAction() {
            return AuditTrail.shownAction(action);
        }

        public String shownActor() {
            return AuditTrail.shownActor(actorName);
        }
    }

    static String shownAction(String action) {
        return Texts.orElse(actionKey(action), action);
    }

    static String shownActor(String actorName) {
        return CLIENT_ACTOR.equals(actorName) ? Texts.get("audit.actor.client") : actorName;
    }

    /** The bundle key of a stored action: "noted flag, shared with the client" is audit.noted-flag-shared-with-the-client. */
    public static String actionKey(String action) {
        return ACTION_KEYS.computeIfAbsent(action, AuditTrail::keyOf);
    }

    /** Stored actions are a few dozen fixed phrases, and a page of the trail shows each many times. */
    private static final Map<String, String> ACTION_KEYS = new ConcurrentHashMap<>();
    private static final Pattern NOT_A_KEY = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASH = Pattern.compile("^-|-$");

    private static String keyOf(String action) {
        String dashed = NOT_A_KEY.matcher(action.toLowerCase(Locale.ROOT)).replaceAll("-");
        return "audit." + EDGE_DASH.matcher(dashed).replaceAll("");
    }

    /** Events about a client, newest first: {@code limit} of them after the first {@code offset}. */
    public List<Entry> forClient(UUID clientId, int limit, int offset) {
        return events.forClient(clientId, limit, offset);
    }

    /**
     * Whether the clinic's chain holds (docs/adr/0036). {@code brokenAt} is the time of the first entry found changed,
     * or of the entry that follows a removed one; for removed newest entries, of the newest entry left (or null).
     * {@code pending}: the looks recorded but not chained yet (docs/adr/0047), which the check does not cover.
     */
    public record ChainCheck(long entries, Problem problem, Instant brokenAt, long pending) {
        public enum Problem {
            NONE, CHANGED, REMOVED_BEFORE, NEWEST_REMOVED
        }

        public boolean intact() {
            return problem == Problem.NONE;
        }

        public boolean changed() {
            return problem == Problem.CHANGED;
        }

        public boolean removedBefore() {
            return problem == Problem.REMOVED_BEFORE;
        }

        public boolean newestRemoved() {
            return problem == Problem.NEWEST_REMOVED;
        }
    }

    /** Reads the clinic's whole trail in chain order inside the database; only the verdict comes back. */
    public ChainCheck checkChain() {
        AuditQuery.Chain chain = events.chain();
        Long changed = chain.firstChanged();
        Long unlinked = chain.firstUnlinked();
        if (changed != null && (unlinked == null || changed <= unlinked)) {
            return new ChainCheck(chain.entries(), ChainCheck.Problem.CHANGED, events.happenedAt(changed),
                    chain.pending());
        }
        if (unlinked != null) {
            return new ChainCheck(chain.entries(), ChainCheck.Problem.REMOVED_BEFORE, events.happenedAt(unlinked),
                    chain.pending());
        }
        boolean headAgrees = chain.lastSeq() == null ? chain.headSeq() == null
                : chain.lastSeq().equals(chain.headSeq()) && chain.headMatches();
        if (!headAgrees) {
            return new ChainCheck(chain.entries(), ChainCheck.Problem.NEWEST_REMOVED,
                    chain.lastSeq() == null ? null : events.happenedAt(chain.lastSeq()), chain.pending());
        }
        return new ChainCheck(chain.entries(), ChainCheck.Problem.NONE, null, chain.pending());
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
