package io.backline.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentClinic;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.quarkus.panache.common.Parameters;

/**
 * Records checked-off sessions. The same submission twice (same idempotency key) saves once; a second session on
 * the same day corrects the first if it was recorded that same day; future days and paused or ended assignments
 * are refused with a reason.
 */
@ApplicationScoped
public class CheckOffService {
    @Inject
    CurrentClinic currentClinic;
    @Inject
    AuditTrail audit;
    @Inject
    Event<WorseOrUnsafeTicked> ticked;

    public record CheckOff(LocalDate performedOn, int[] holdSeconds, int discomfort, SessionLog.Feeling feeling,
            String note, boolean worseOrUnsafe, UUID idempotencyKey) {
    }

    public sealed interface Result {
        record Saved(SessionLog session, boolean corrected) implements Result {
        }

        record AlreadySaved(SessionLog session) implements Result {
        }

        /** Refused, with a sentence for the client and the field it concerns. */
        record Refused(String field, String message) implements Result {
        }
    }

    /** What a check-off needs to know: the assignment, its current prescription, and the sessions it may repeat. */
    public record Target(Assignment assignment, Prescription prescription, List<SessionLog> sameSubmissionOrDay) {
    }

    /** The check-off's target in one statement (see {@link CheckOffQuery}); empty when it is not the client's. */
    public Optional<Target> target(UUID assignmentId, UUID clientId, UUID idempotencyKey, LocalDate day) {
        return CheckOffQuery.target(currentClinic.requireId(), assignmentId, clientId, idempotencyKey, day);
    }

    /**
     * Saves the session and its audit entry in one transaction (a session is never saved untraced). {@code channel}
     * is added to the audit detail, e.g. " (API)".
     */
    @Transactional
    public Result record(Assignment assignment, Prescription prescription, CheckOff checkOff, ZoneId zone, String channel) {
        return record(assignment, prescription, sameSubmissionOrDay(assignment, checkOff), checkOff, zone, channel);
    }

    /** As above, for a {@link #target} read before the transaction. */
    @Transactional
    public Result record(Target target, CheckOff checkOff, ZoneId zone, String channel) {
        return record(target.assignment(), target.prescription(), target.sameSubmissionOrDay(), checkOff, zone, channel);
    }

    private Result record(Assignment assignment, Prescription prescription, List<SessionLog> related, CheckOff checkOff,
            ZoneId zone, String channel) {
        Result result = save(assignment, prescription, related, checkOff, zone);
        if (result instanceof Result.Saved saved) {
            audit.record(assignment.clientId, AuditTrail.CHECKED_OFF, saved.session().performedOn + channel);
            if (checkOff.worseOrUnsafe()) {
                ticked.fire(new WorseOrUnsafeTicked(saved.session()));
            }
        }
        return result;
    }

    private Result save(Assignment assignment, Prescription prescription, List<SessionLog> related, CheckOff checkOff,
            ZoneId zone) {
        Optional<SessionLog> sameSubmission = related.stream()
                .filter(s -> s.idempotencyKey.equals(checkOff.idempotencyKey()) && s.clientId.equals(assignment.clientId))
                .findFirst();
        if (sameSubmission.isPresent()) {
            return new Result.AlreadySaved(sameSubmission.get());
        }
        LocalDate today = LocalDate.now(zone);
        if (assignment.isPaused()) {
            return new Result.Refused("assignment",
                    "Your program is paused, so sessions cannot be checked off. Talk to your trainer before you go on.");
        }
        if (assignment.isEnded()) {
            return new Result.Refused("assignment", "This program has ended, so no more sessions can be checked off.");
        }
        if (checkOff.performedOn().isAfter(today)) {
            return new Result.Refused("performedOn", "That date is in the future. Check off a session once you have done it.");
        }
        if (checkOff.performedOn().isBefore(prescription.startDate)) {
            return new Result.Refused("performedOn", "Your program starts on " + prescription.startDate + ".");
        }
        if (prescription.endDate != null && checkOff.performedOn().isAfter(prescription.endDate)) {
            return new Result.Refused("performedOn", "Your program ended on " + prescription.endDate + ".");
        }
        if (checkOff.holdSeconds().length != prescription.levels) {
            return new Result.Refused("hold", "Give a hold time for each of the " + prescription.levels + " levels.");
        }
        Optional<SessionLog> sameDay = related.stream()
                .filter(s -> s.assignmentId.equals(assignment.id) && s.performedOn.equals(checkOff.performedOn()))
                .findFirst();
        if (sameDay.isPresent()) {
            // Read again in this transaction when it was read before it (a correction is rare; the insert is not).
            SessionLog existing = SessionLog.getEntityManager().contains(sameDay.get()) ? sameDay.get()
                    : SessionLog.<SessionLog> findById(sameDay.get().id);
            if (!LocalDate.ofInstant(existing.recordedAt, zone).equals(today)) {
                return new Result.Refused("performedOn", "A session for " + checkOff.performedOn()
                        + " is already recorded. It can only be corrected on the day it was recorded.");
            }
            apply(existing, checkOff);
            existing.correctedAt = Instant.now();
            return new Result.Saved(existing, true);
        }
        SessionLog session = new SessionLog();
        session.id = UUID.randomUUID();
        session.assignmentId = assignment.id;
        session.clientId = assignment.clientId;
        session.performedOn = checkOff.performedOn();
        session.idempotencyKey = checkOff.idempotencyKey();
        session.recordedAt = Instant.now();
        apply(session, checkOff);
        session.persist();
        return new Result.Saved(session, false);
    }

    private List<SessionLog> sameSubmissionOrDay(Assignment assignment, CheckOff checkOff) {
        return CheckOffQuery.sameSubmissionOrDay(assignment, checkOff.idempotencyKey(), checkOff.performedOn());
    }

    /** The latest sessions of one assignment, newest first. */
    public List<SessionLog> sessions(UUID assignmentId, int limit) {
        return SessionLog.<SessionLog> find("assignmentId = :a order by performedOn desc", Parameters.with("a", assignmentId))
                .page(0, limit).list();
    }

    private static void apply(SessionLog session, CheckOff checkOff) {
        session.holdSeconds = checkOff.holdSeconds();
        session.discomfort = checkOff.discomfort();
        session.feeling = checkOff.feeling().name();
        session.note = checkOff.note() == null || checkOff.note().isBlank() ? null : checkOff.note().strip();
        session.worseOrUnsafe = checkOff.worseOrUnsafe();
    }
}
