package io.backline.symptom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.people.Client;
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
    CurrentClinic currentClinic;
    @Inject
    AssignmentService assignments;
    @Inject
    Clearances clearances;

    /** A refusal a trainer can read, with no state changed. */
    public static class NotAllowedYet extends RuntimeException {
        public NotAllowedYet(String message) {
            super(message);
        }
    }

    /** A flag in the queue, with the client it concerns. */
    public record QueueRow(SymptomFlag flag, Client client) {
    }

    /*
     * Native, naming the clinic, and with the clients joined in: the queue is a trainer's busiest page after the
     * dashboard, and Hibernate translates filtered HQL anew on every run (two queries did, the flags and then their
     * clients). Both come back as managed entities, as from HQL. The status and levels are written as literals so
     * that the planner can always match the partial index on open flags, whichever plan it keeps.
     */
    private static final String QUEUE = """
            select {f.*}, {c.*} from symptom_flag f
            join client c on c.clinic_id = f.clinic_id and c.id = f.client_id
            where f.clinic_id = :clinic and f.status <> 'RESOLVED' and f.level <> 'GREEN' %s
            order by case f.level when 'EMERGENCY' then 0 when 'RED' then 1 else 2 end, f.reported_at
            limit :limit offset :offset""";

    /** Open flags (not resolved, and not the green ones that only get recorded), most urgent first, then oldest. */
    public List<QueueRow> queue(Optional<UUID> staffMemberId, int pageIndex) {
        String careTeam = staffMemberId.isEmpty() ? "" : "and exists (select 1 from care_team_member m where "
                + "m.clinic_id = f.clinic_id and m.client_id = f.client_id and m.staff_member_id = :staff)";
        NativeQuery<?> query = SymptomFlag.getEntityManager().unwrap(Session.class)
                .createNativeQuery(QUEUE.formatted(careTeam))
                .addEntity("f", SymptomFlag.class).addEntity("c", Client.class)
                .setParameter("clinic", currentClinic.requireId())
                .setParameter("limit", PAGE_SIZE).setParameter("offset", pageIndex * PAGE_SIZE);
        staffMemberId.ifPresent(staff -> query.setParameter("staff", staff));
        return query.getResultList().stream().map(Object[].class::cast)
                .map(row -> new QueueRow((SymptomFlag) row[0], (Client) row[1])).toList();
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
        }
    }

    @Transactional
    public void addNote(SymptomFlag flag, UUID userId, String name, String text) {
        note(flag, userId, name, "note", text);
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
