package io.backline.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import io.backline.people.Client;
import io.quarkus.panache.common.Parameters;

/** Assigning the program and keeping each assignment's prescription and history. */
@ApplicationScoped
public class AssignmentService {

    @Inject
    ProgramCatalog catalog;
    @Inject
    AssignmentQuery assignments;
    @Inject
    ClientPlanQuery clientPlans;
    @Inject
    Event<AssignmentChanged> changed;

    /** What a trainer typed, already checked. */
    public record PrescriptionInput(int holdSeconds, int levels, int sessionsPerWeek, LocalDate startDate,
            LocalDate endDate, String notes) {
    }

    public sealed interface Outcome {
        record Created(Assignment assignment) implements Outcome {
        }

        record AlreadyCreated(Assignment assignment) implements Outcome {
        }

        record AlreadyOpen(Assignment assignment) implements Outcome {
        }
    }

    @Transactional
    public Outcome assign(Client client, ProgramVersion version, PrescriptionInput input, UUID requestKey,
            UUID staffMemberId, UUID actorUserId, LocalDate today) {
        Optional<Assignment> sameForm = Assignment.find("requestKey", requestKey).firstResultOptional();
        if (sameForm.isPresent()) {
            return new Outcome.AlreadyCreated(sameForm.get());
        }
        Optional<Assignment> open = openAssignment(client.id, version.programId);
        if (open.isPresent()) {
            return new Outcome.AlreadyOpen(open.get());
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.clientId = client.id;
        assignment.programId = version.programId;
        assignment.programVersionId = version.id;
        assignment.status = Assignment.Status.ACTIVE;
        assignment.requestKey = requestKey;
        assignment.createdBy = staffMemberId;
        assignment.createdAt = Instant.now();
        assignment.persist();
        addPrescription(assignment, 1, input, staffMemberId);
        record(assignment, AssignmentEvent.Kind.ASSIGNED, null, actorUserId, input.startDate());
        return new Outcome.Created(assignment);
    }

    /** A new prescription version; the previous ones stay in the history. */
    @Transactional
    public Prescription change(Assignment assignment, PrescriptionInput input, UUID staffMemberId, UUID actorUserId,
            LocalDate today) {
        Prescription current = currentPrescription(assignment.id);
        Prescription next = addPrescription(assignment, current.version + 1, input, staffMemberId);
        record(assignment, AssignmentEvent.Kind.CHANGED, null, actorUserId, today);
        return next;
    }

    @Transactional
    public void pause(Assignment assignment, String reason, UUID actorUserId, LocalDate today) {
        if (assignment.isActive()) {
            assignment.status = Assignment.Status.PAUSED;
            record(assignment, AssignmentEvent.Kind.PAUSED, reason, actorUserId, today);
        }
    }

    @Transactional
    public void resume(Assignment assignment, String reason, UUID actorUserId, LocalDate today) {
        if (assignment.isPaused()) {
            assignment.status = Assignment.Status.ACTIVE;
            record(assignment, AssignmentEvent.Kind.RESUMED, reason, actorUserId, today);
        }
    }

    @Transactional
    public void end(Assignment assignment, String reason, UUID actorUserId, LocalDate today) {
        if (!assignment.isEnded()) {
            assignment.status = Assignment.Status.ENDED;
            assignment.endedAt = Instant.now();
            record(assignment, AssignmentEvent.Kind.ENDED, reason, actorUserId, today);
        }
    }

    public Optional<Assignment> openAssignment(UUID clientId, UUID programId) {
        return Assignment.find("clientId = :c and programId = :p and status <> :ended",
                Parameters.with("c", clientId).and("p", programId).and("ended", Assignment.Status.ENDED))
                .firstResultOptional();
    }

    public Optional<Assignment> assignment(UUID id) {
        return Assignment.find("id", id).firstResultOptional();
    }

    /** A client's assignments, open ones first, newest first. */
    public List<Assignment> assignmentsOf(UUID clientId) {
        return assignments.ofClient(clientId);
    }

    /** A client with their newest open assignment and its current prescription (both null when none is open). */
    public record ClientPlan(Client client, Assignment assignment, Prescription prescription) {
    }

    /** An assignment with its current prescription. */
    public record Prescribed(Assignment assignment, Prescription prescription) {
    }

    /*
     * The two reads below are on the pages and API calls clients use most, so they are one native statement each:
     * with the tenant filter on, Hibernate translates HQL anew on every run, which cost more than the query itself.
     * The clinic is therefore named explicitly.
     */
    public static final String CURRENT_PRESCRIPTION = """
            left join prescription p on p.clinic_id = a.clinic_id and p.assignment_id = a.id
                and p.version = (select max(x.version) from prescription x where x.assignment_id = a.id)""";

    /** Not managed by the session: for showing, and for passing the ids on. */
    public Optional<ClientPlan> clientPlan(UUID clientId) {
        return clientPlans.find(clientId);
    }

    /** The assignment with this id, when it is the given client's own. */
    public Optional<Prescribed> prescribedFor(UUID assignmentId, UUID clientId) {
        return assignments.prescribedFor(assignmentId, clientId);
    }

    public Prescription currentPrescription(UUID assignmentId) {
        return Prescription.<Prescription> find("assignmentId = :a order by version desc",
                Parameters.with("a", assignmentId)).firstResult();
    }

    private static Prescription addPrescription(Assignment assignment, int version, PrescriptionInput input,
            UUID staffMemberId) {
        Prescription prescription = new Prescription();
        prescription.id = UUID.randomUUID();
        prescription.assignmentId = assignment.id;
        prescription.version = version;
        prescription.holdSeconds = input.holdSeconds();
        prescription.levels = input.levels();
        prescription.sessionsPerWeek = input.sessionsPerWeek();
        prescription.startDate = input.startDate();
        prescription.endDate = input.endDate();
        prescription.notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().strip();
        prescription.createdBy = staffMemberId;
        prescription.createdAt = Instant.now();
        prescription.persist();
        return prescription;
    }

    private void record(Assignment assignment, AssignmentEvent.Kind kind, String reason, UUID actorUserId,
            LocalDate effectiveOn) {
        AssignmentEvent event = new AssignmentEvent();
        event.id = UUID.randomUUID();
        event.assignmentId = assignment.id;
        event.kind = kind;
        event.reason = reason == null || reason.isBlank() ? null
                : reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        event.actorUserId = actorUserId;
        event.happenedAt = Instant.now();
        event.effectiveOn = effectiveOn;
        event.persist();
        changed.fire(new AssignmentChanged(assignment.clientId, assignment.id, kind, actorUserId));
    }
}
