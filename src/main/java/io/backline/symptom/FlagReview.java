package io.backline.symptom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import io.backline.clinic.Clinic;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.safety.Clearances;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/** What a trainer does with a flag. An urgent flag is never closed, nor its program resumed, unacknowledged. */
@ApplicationScoped
public class FlagReview {
    public static final int PAGE_SIZE = 25;

    @Inject
    AssignmentService assignments;
    @Inject
    FlagQueueQuery queueQuery;
    @Inject
    Clearances clearances;
    @Inject
    Event<FlagNoteShared> shared;
    @Inject
    Event<FlagAcknowledged> acknowledged;

    /** A refusal a trainer can read, with no state changed. */
    public static class NotAllowedYet extends RuntimeException {
        public NotAllowedYet(String message) {
            super(message);
        }
    }

    /** Open flags (not resolved, and not the green ones that only get recorded), most urgent first, then oldest. */
    public List<FlagQueueQuery.QueueRow> queue(Optional<UUID> staffMemberId, int pageIndex) {
        return queueQuery.read(staffMemberId, pageIndex, PAGE_SIZE);
    }

    public List<SymptomFlag> history(UUID clientId, int limit) {
        return SymptomFlag.<SymptomFlag> find("clientId = :c order by reportedAt desc", Parameters.with("c", clientId))
                .page(Page.ofSize(limit)).list();
    }

    public List<FlagNote> timeline(UUID flagId) {
        return FlagNote.list("flagId = :f order by writtenAt", Parameters.with("f", flagId));
    }

    @Transactional
    public void acknowledge(SymptomFlag flag, UUID userId, String name, String note) {
        if (flag.isOpen()) {
            flag.status = SymptomFlag.Status.ACKNOWLEDGED;
            flag.acknowledgedAt = Instant.now();
            flag.acknowledgedBy = userId;
            note(flag, userId, name, "acknowledged", note);
            acknowledged.fire(new FlagAcknowledged(flag.clientId, flag.id, userId));
        }
    }

    /** A note; shared with the client, it also shows in their conversation as the trainer's message. */
    @Transactional
    public void addNote(SymptomFlag flag, UUID userId, String name, String text, boolean shareWithClient) {
        FlagNote note = newNote(flag, userId, name, "note", text);
        note.sharedWithClient = shareWithClient && note.text != null;
        note.persist();
        if (note.sharedWithClient) {
            shared.fire(new FlagNoteShared(flag.clientId, flag.id, note.id, userId, note.authorName, note.text));
        }
    }

    @Transactional
    public void resolve(SymptomFlag flag, UUID userId, String name, String note) {
        if (flag.isUrgent() && flag.isOpen()) {
            throw new NotAllowedYet("Acknowledge this flag before you resolve it: a red or emergency flag needs a "
                    + "trainer to act on it first.");
        }
        if (!flag.isResolved()) {
            if (flag.isOpen()) {
                flag.acknowledgedAt = Instant.now();
                flag.acknowledgedBy = userId;
            }
            flag.status = SymptomFlag.Status.RESOLVED;
            flag.resolvedAt = Instant.now();
            flag.resolvedBy = userId;
            note(flag, userId, name, "resolved", note);
        }
    }

    @Transactional
    public void resumeProgram(SymptomFlag flag, Clinic clinic, UUID userId, String name, String reason) {
        if (flag.isOpen()) {
            throw new NotAllowedYet("Acknowledge this flag before you resume the program.");
        }
        Assignment assignment = flag.assignmentId == null ? null
                : assignments.assignment(flag.assignmentId).orElse(null);
        if (assignment == null || !assignment.isPaused()) {
            throw new NotAllowedYet("The program is not paused.");
        }
        try {
            clearances.requireCleared(flag.clientId, Clinic.zoneOf(clinic));
        } catch (Clearances.NotCleared e) {
            throw new NotAllowedYet(e.getMessage());
        }
        String why = reason == null || reason.isBlank() ? "Cleared by a health professional" : reason;
        assignments.resume(assignment, why, userId, LocalDate.now(Clinic.zoneOf(clinic)));
        note(flag, userId, name, "resumed program", why);
    }

    @Transactional
    public ReferralDraft refer(SymptomFlag flag, UUID userId, String name) {
        if (flag.isEmergency()) {
            throw new NotAllowedYet("An emergency is for 911 and the emergency department, not a routine referral. "
                    + "Make sure the client called 911 or went to the emergency department; refer once they are safe.");
        }
        ReferralDraft draft = new ReferralDraft();
        draft.id = UUID.randomUUID();
        draft.clientId = flag.clientId;
        draft.flagId = flag.id;
        draft.suggestedSpecialty = ReferralSuggestion.forFlag(flag).name();
        draft.reason = flag.type.label + ", severity " + flag.severity + "/10, " + flag.region.label.toLowerCase();
        draft.createdBy = userId;
        draft.createdAt = Instant.now();
        draft.persist();
        note(flag, userId, name, "referral drafted", ReferralSuggestion.forFlag(flag).label);
        return draft;
    }

    private static void note(SymptomFlag flag, UUID userId, String name, String kind, String text) {
        newNote(flag, userId, name, kind, text).persist();
    }

    static FlagNote newNote(SymptomFlag flag, UUID userId, String name, String kind, String text) {
        FlagNote note = new FlagNote();
        note.id = UUID.randomUUID();
        note.flagId = flag.id;
        note.authorUserId = userId;
        note.authorName = name.length() > 160 ? name.substring(0, 160) : name;
        note.kind = kind;
        note.text = text == null || text.isBlank() ? null : text.strip();
        note.writtenAt = Instant.now();
        return note;
    }
}
