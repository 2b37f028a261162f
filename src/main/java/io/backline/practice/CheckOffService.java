package io.backline.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import io.backline.audit.AuditTrail;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.web.i18n.Dates;
import io.backline.web.i18n.Languages;
import io.backline.web.i18n.Texts;
import io.quarkus.panache.common.Parameters;

/**
 * Checks and records checked-off sessions, for the today page and the API alike. A check-off's fields are checked
 * here ({@link #check}), then {@link #record} saves it: the same submission twice (same idempotency key) saves once;
 * a second session on the same day corrects the first if it was recorded that same day; future days and paused or
 * ended assignments are refused with a reason.
 */
@ApplicationScoped
public class CheckOffService {
    /** The fields in the order their messages are listed (the API reports the first). */
    private static final List<String> FIELDS = List.of("idempotencyKey", "performedOn", "holdSeconds", "discomfort",
            "feeling", "note");

    @Inject
    AuditTrail audit;
    @Inject
    Event<WorseOrUnsafeTicked> ticked;
    @Inject
    Validator validator;
    @Inject
    CheckOffQuery query;

    /** A check-off whose fields passed {@link #check}. */
    public record CheckOff(LocalDate performedOn, int[] holdSeconds, int discomfort, SessionLog.Feeling feeling,
            String note, boolean worseOrUnsafe, UUID idempotencyKey) {
    }

    /**
     * A field refused, with its message: {@code level} is the hold's index for a message about one level's hold, null
     * otherwise.
     */
    public record FieldError(String field, Integer level, String message) {
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
        return query.target(assignmentId, clientId, idempotencyKey, day);
    }

    /**
     * What is wrong with a check-off as sent, in {@link #FIELDS} order, one message per field (per level for holds);
     * empty when it can be recorded. With the prescription (when known), a hold for each of its levels is required.
     */
    public List<FieldError> check(CheckOffForm form, Prescription prescription) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CheckOffForm> violation : validator.validate(form)) {
            String field = null;
            Integer level = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = field == null ? node.getName() : field;
                level = node.getIndex() == null ? level : node.getIndex();
            }
            FieldError error = new FieldError(field, level, violation.getMessage());
            if (errors.stream().noneMatch(e -> e.field().equals(error.field()) && Objects.equals(e.level(), error.level()))) {
                errors.add(error);
            }
        }
        if (prescription != null && form.holdSeconds().size() != prescription.levels) {
            errors.add(new FieldError("holdSeconds", null,
                    Texts.get("checkOff.levels", prescription.levels)));
        }
        errors.sort(Comparator.<FieldError> comparingInt(e -> FIELDS.indexOf(e.field()))
                .thenComparingInt(e -> e.level() == null ? -1 : e.level()));
        return errors;
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
        if (related.stream().anyMatch(s -> s.idempotencyKey.equals(checkOff.idempotencyKey()))) {
            // Another client's key (the clinic's keys are unique): refused, their session never shown.
            return keyTaken();
        }
        LocalDate today = LocalDate.now(zone);
        if (assignment.isPaused()) {
            return new Result.Refused("assignment", Texts.get("checkOff.paused"));
        }
        if (assignment.isEnded()) {
            return new Result.Refused("assignment", Texts.get("checkOff.ended"));
        }
        if (checkOff.performedOn().isAfter(today)) {
            return new Result.Refused("performedOn", Texts.get("checkOff.future"));
        }
        if (checkOff.performedOn().isBefore(prescription.startDate)) {
            return new Result.Refused("performedOn", Texts.get("checkOff.beforeStart", shown(prescription.startDate)));
        }
        if (prescription.endDate != null && checkOff.performedOn().isAfter(prescription.endDate)) {
            return new Result.Refused("performedOn", Texts.get("checkOff.afterEnd", shown(prescription.endDate)));
        }
        Optional<SessionLog> sameDay = related.stream()
                .filter(s -> s.assignmentId.equals(assignment.id) && s.performedOn.equals(checkOff.performedOn()))
                .findFirst();
        if (sameDay.isPresent()) {
            // Read again in this transaction when it was read before it (a correction is rare; the insert is not).
            SessionLog existing = SessionLog.getEntityManager().contains(sameDay.get()) ? sameDay.get()
                    : SessionLog.<SessionLog> findById(sameDay.get().id);
            if (!LocalDate.ofInstant(existing.recordedAt, zone).equals(today)) {
                return new Result.Refused("performedOn", Texts.get("checkOff.recordedBefore",
                        shown(checkOff.performedOn())));
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

    /**
     * After a save failed, most likely a double click racing its twin: the winner's session when it is this client's
     * own; a refusal when the key is another client's; otherwise the failure itself.
     */
    public Result afterFailedSave(UUID clientId, UUID idempotencyKey, RuntimeException failure) {
        Optional<SessionLog> own = SessionLog.<SessionLog> find("clientId = :client and idempotencyKey = :key",
                Parameters.with("client", clientId).and("key", idempotencyKey)).firstResultOptional();
        if (own.isPresent()) {
            return new Result.AlreadySaved(own.get());
        }
        if (query.keyTaken(idempotencyKey)) {
            return keyTaken();
        }
        throw failure;
    }

    private static String shown(LocalDate day) {
        return Dates.date(day, Languages.current());
    }

    private static Result keyTaken() {
        return new Result.Refused("idempotencyKey", Texts.get("checkOff.expired"));
    }

    private List<SessionLog> sameSubmissionOrDay(Assignment assignment, CheckOff checkOff) {
        return query.sameSubmissionOrDay(assignment, checkOff.idempotencyKey(), checkOff.performedOn());
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
