package io.backline.clientpage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.web.Responses;
import io.backline.web.form.RequestKey;
import io.backline.program.Assignment;
import io.backline.program.AssignmentEvent;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.PrescriptionForm;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.audit.AuditEvent;
import io.backline.audit.AuditTrail;
import io.backline.safety.Clearances;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.people.StaffMember;
import io.backline.practice.Adherence;
import io.backline.practice.AdherenceService;
import io.backline.practice.SessionChartsCache;
import io.backline.practice.SessionLog;
import io.backline.web.Ids;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A client's page for their care team: progress charts first, then the program they follow, and the forms to
 * assign, change, pause, resume or end it.
 */
@Path("/clients/{id}")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class ClientPage extends Controller {
    private static final String EXPIRED = "The form expired; please submit it again.";
    private static final int MAX_REASON = 500;
    private static final String REASON = "The reason can be at most 500 characters.";
    private static final int CHART_SESSIONS = 60;
    /** Entries of the access log and flags shown. */
    private static final int LISTED = 20;

    @Inject
    ClientAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProgramCatalog catalog;
    @Inject
    AssignmentService assignments;
    @Inject
    AdherenceService adherence;
    @Inject
    ClientPageQuery pageQuery;
    @Inject
    SessionChartsCache chartsCache;
    @Inject
    AuditTrail audit;
    @Inject
    Clearances clearances;
    @Inject
    SubmittedForm submitted;

    /** An assignment's part of the page; {@code failed}: its change form was refused, and shows the messages. */
    public record AssignmentView(Assignment assignment, ProgramVersion version, Prescription current,
            List<Prescription> history, List<AssignmentEvent> events, Adherence.Report report, String holdsChart,
            String discomfortChart, List<SessionLog> sessions, Map<String, String> form, boolean failed) {
    }

    /**
     * The page; {@code form} is the assign form's, and {@code assignFailed} says it was refused and shows the
     * messages (the page has a prescription form per assignment too, with the same field names).
     */
    public record Page(Client client, List<AssignmentView> assignments, List<ProgramVersion> programs,
            Map<String, String> form, boolean assignFailed, String requestKey, String selectedVersion,
            List<AuditEvent> access, List<io.backline.symptom.SymptomFlag> flags) {
        /** The most levels any listed program names, for the assign form's limit. */
        public int maxLevels() {
            return programs.stream().mapToInt(p -> p.levelNameList().size()).max().orElse(1);
        }

        /** The assign form's programs, each with whether it is the one chosen: the loop reads only its own element. */
        public List<ProgramChoice> programChoices() {
            return programs.stream().map(v -> new ProgramChoice(v, v.id.toString().equals(selectedVersion))).toList();
        }
    }

    /** A program version the assign form offers, and whether it was the one chosen when the form came back. */
    public record ProgramChoice(ProgramVersion version, boolean selected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance show(@RestPath String id) {
        // The client and the visibility check come with the page's rows: one statement fewer than client(id).
        ClientPageQuery.Rows rows = pageQuery.read(Ids.parse(id), CHART_SESSIONS, LISTED);
        Client client = rows.client().orElseThrow(NotFoundException::new);
        audit.recordView(client.id, AuditTrail.VIEWED_PROGRESS, null);
        return Templates.show(page(client, rows, PrescriptionForm.defaults(today()).asMap(), false, null, null, null));
    }

    @POST
    @Path("assignments")
    public Response assign(@RestPath String id, @BeanParam @Valid PrescriptionForm form,
            @RestForm String programVersionId,
            @RestForm @RequestKey(message = EXPIRED) String requestKey) {
        Client client = client(id);
        ProgramVersion version = parseOptional(programVersionId).flatMap(catalog::version).orElse(null);
        if (version == null) {
            validation.addError("programVersionId", "Choose a program.");
        } else {
            form.check(version, validation);
        }
        if (validation.hasErrors()) {
            return assignRefused(400, client, programVersionId);
        }
        try {
            clearances.requireCleared(client.id, zone());
        } catch (Clearances.NotCleared e) {
            validation.addError("programVersionId", e.getMessage());
            return assignRefused(409, client, programVersionId);
        }
        AssignmentService.Outcome outcome = assignments.assign(client, version, form.input(),
                UUID.fromString(requestKey.strip()), me().id, currentUser.userId(), today());
        switch (outcome) {
            case AssignmentService.Outcome.Created created -> {
                audit.record(client.id, AuditTrail.ASSIGNED, version.title + " v" + version.version);
                flash("message", "Assigned " + version.title + " to " + client.fullName + ".");
            }
            case AssignmentService.Outcome.AlreadyCreated same -> flash("message", "This assignment was already saved.");
            case AssignmentService.Outcome.AlreadyOpen open -> {
                validation.addError("programVersionId", client.fullName + " already follows this program. Change, "
                        + "pause or end the current assignment instead.");
                return assignRefused(400, client, programVersionId);
            }
        }
        return Responses.of(redirect(ClientPage.class).show(client.id.toString()));
    }

    @POST
    @Path("assignments/{assignmentId}/prescription")
    public Response change(@RestPath String id, @RestPath String assignmentId, @BeanParam @Valid PrescriptionForm form) {
        Client client = client(id);
        Assignment assignment = assignment(client, assignmentId);
        if (assignment.isEnded() && !validation.hasError("holdSeconds")) {
            validation.addError("holdSeconds", "This assignment has ended; assign the program again instead.");
        }
        form.check(catalog.version(assignment.programVersionId).orElseThrow(), validation);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.show(page(client, PrescriptionForm.defaults(today()).asMap(),
                    false, assignment.id, submitted.values(), null))).build();
        }
        Prescription changed = assignments.change(assignment, form.input(), me().id, currentUser.userId(), today());
        audit.record(client.id, AuditTrail.CHANGED_PRESCRIPTION, "version " + changed.version);
        flash("message", "Prescription changed (version " + changed.version + "). The earlier ones stay in the history.");
        return Responses.of(redirect(ClientPage.class).show(client.id.toString()));
    }

    @POST
    @Path("assignments/{assignmentId}/pause")
    public Response pause(@RestPath String id, @RestPath String assignmentId,
            @RestForm @Size(max = MAX_REASON, message = REASON) String reason) {
        Client client = client(id);
        Assignment assignment = assignment(client, assignmentId);
        if (validation.hasErrors()) {
            return refused(400, client);
        }
        assignments.pause(assignment, reason, currentUser.userId(), today());
        // The reason is free text about the client: it stays in the assignment's history (which erasure clears), not
        // in the audit trail (which nothing may edit).
        audit.record(client.id, AuditTrail.PAUSED, null);
        flash("message", "Paused. " + client.fullName + " will see that the program is on hold.");
        return Responses.of(redirect(ClientPage.class).show(client.id.toString()));
    }

    @POST
    @Path("assignments/{assignmentId}/resume")
    public Response resume(@RestPath String id, @RestPath String assignmentId,
            @RestForm @Size(max = MAX_REASON, message = REASON) String reason) {
        Client client = client(id);
        if (validation.hasErrors()) {
            assignment(client, assignmentId);
            return refused(400, client);
        }
        try {
            clearances.requireCleared(client.id, zone());
        } catch (Clearances.NotCleared e) {
            validation.addError("resume", e.getMessage());
            return refused(409, client);
        }
        assignments.resume(assignment(client, assignmentId), reason, currentUser.userId(), today());
        audit.record(client.id, AuditTrail.RESUMED, null);
        flash("message", "Resumed.");
        return Responses.of(redirect(ClientPage.class).show(client.id.toString()));
    }

    @POST
    @Path("assignments/{assignmentId}/end")
    public Response end(@RestPath String id, @RestPath String assignmentId,
            @RestForm @Size(max = MAX_REASON, message = REASON) String reason) {
        Client client = client(id);
        Assignment assignment = assignment(client, assignmentId);
        if (validation.hasErrors()) {
            return refused(400, client);
        }
        assignments.end(assignment, reason, currentUser.userId(), today());
        audit.record(client.id, AuditTrail.ENDED, null);
        flash("message", "Ended. The history stays on this page.");
        return Responses.of(redirect(ClientPage.class).show(client.id.toString()));
    }

    /** The page again with the assign form as typed and its messages. */
    private Response assignRefused(int status, Client client, String programVersionId) {
        return Response.status(status).entity(Templates.show(page(client, submitted.values(), true, null, null,
                programVersionId))).build();
    }

    /** The page again with a message at the top: a pause, resume or end refused. */
    private Response refused(int status, Client client) {
        return Response.status(status).entity(Templates.show(page(client, PrescriptionForm.defaults(today()).asMap(),
                false, null, null, null))).build();
    }

    /**
     * The page again after a refused form, for a client already found visible: {@code failedChange} is what was typed
     * into the change form of {@code failedAssignment}, when that is the one refused.
     */
    private Page page(Client client, Map<String, String> form, boolean assignFailed, UUID failedAssignment,
            Map<String, String> failedChange, String selectedVersion) {
        return page(client, pageQuery.read(client.id, CHART_SESSIONS, LISTED), form, assignFailed, failedAssignment,
                failedChange, selectedVersion);
    }

    /** One statement's rows for all the page shows, however many assignments and sessions the client has. */
    private Page page(Client client, ClientPageQuery.Rows rows, Map<String, String> form, boolean assignFailed,
            UUID failedAssignment, Map<String, String> failedChange, String selectedVersion) {
        ZoneId zone = zone();
        Map<UUID, Adherence.Report> reports = adherence.reports(rows.assignments(), zone, rows.prescriptions(),
                rows.events(), rows.sessionDays());
        List<AssignmentView> views = new ArrayList<>();
        for (Assignment assignment : rows.assignments()) {
            ProgramVersion version = catalog.version(assignment.programVersionId).orElseThrow();
            List<Prescription> history = rows.prescriptions().get(assignment.id);
            Prescription current = history.get(history.size() - 1);
            List<SessionLog> sessions = rows.recentSessions().getOrDefault(assignment.id, List.of());
            boolean failed = assignment.id.equals(failedAssignment);
            SessionChartsCache.Charts charts = chartsCache.of(assignment, version, current, sessions);
            views.add(new AssignmentView(assignment, version, current, history,
                    rows.events().getOrDefault(assignment.id, List.of()), reports.get(assignment.id),
                    charts.holds(), charts.discomfort(),
                    sessions.subList(0, Math.min(10, sessions.size())),
                    failed ? failedChange : PrescriptionForm.of(current).asMap(), failed));
        }
        return new Page(client, views, programs(rows.latestProgramVersions()), form, assignFailed,
                UUID.randomUUID().toString(), selectedVersion == null ? "" : selectedVersion, rows.access(),
                rows.flags());
    }

    /** The programs to assign, from memory once each version was read; a clinic without any gets the built-in one. */
    private List<ProgramVersion> programs(List<UUID> latestVersions) {
        if (latestVersions.isEmpty()) {
            return catalog.latestVersions();
        }
        return catalog.versions(latestVersions);
    }

    private Response badRequest(Page page) {
        return Response.status(400).entity(Templates.show(page)).build();
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    private Assignment assignment(Client client, String assignmentId) {
        return assignments.assignment(Ids.parse(assignmentId))
                .filter(assignment -> assignment.clientId.equals(client.id))
                .orElseThrow(NotFoundException::new);
    }

    private StaffMember me() {
        return StaffMember.signedIn(currentUser).orElseThrow(NotFoundException::new);
    }

    private ZoneId zone() {
        return currentUser.zone();
    }

    private LocalDate today() {
        return LocalDate.now(zone());
    }

    private static java.util.Optional<UUID> parseOptional(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id == null ? "" : id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
