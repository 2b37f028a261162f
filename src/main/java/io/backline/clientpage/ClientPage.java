package io.backline.clientpage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

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
import io.backline.practice.SessionLog;
import io.backline.practice.SvgCharts;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
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
    AuditTrail audit;
    @Inject
    Clearances clearances;

    public record AssignmentView(Assignment assignment, ProgramVersion version, Prescription current,
            List<Prescription> history, List<AssignmentEvent> events, Adherence.Report report, String holdsChart,
            String discomfortChart, List<SessionLog> sessions, Map<String, String> form, FormErrors errors) {
    }

    public record Page(Client client, List<AssignmentView> assignments, List<ProgramVersion> programs,
            Map<String, String> form, FormErrors errors, String requestKey, String selectedVersion,
            List<AuditEvent> access, List<io.backline.symptom.SymptomFlag> flags) {
        /** The most levels any listed program names, for the assign form's limit. */
        public int maxLevels() {
            return programs.stream().mapToInt(p -> p.levelNameList().size()).max().orElse(1);
        }
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
        audit.record(client.id, AuditTrail.VIEWED_PROGRESS, null);
        return Templates.show(page(client, rows, PrescriptionForm.defaults(today()).asMap(), new FormErrors(), null,
                null, null));
    }

    @POST
    @Path("assignments")
    public Object assign(@RestPath String id, @RestForm String programVersionId, @RestForm String holdSeconds,
            @RestForm String levels, @RestForm String sessionsPerWeek, @RestForm String startDate,
            @RestForm String endDate, @RestForm String notes, @RestForm String requestKey) {
        Client client = client(id);
        PrescriptionForm form = new PrescriptionForm(holdSeconds, levels, sessionsPerWeek, startDate, endDate, notes);
        FormErrors errors = new FormErrors();
        ProgramVersion version = parseOptional(programVersionId).flatMap(catalog::version).orElse(null);
        if (version == null) {
            errors.add("programVersionId", "Choose a program.");
        }
        UUID key = parseOptional(requestKey).orElse(null);
        if (key == null) {
            errors.add("requestKey", "The form expired; please submit it again.");
        }
        AssignmentService.PrescriptionInput input = version == null ? null : form.check(version, errors);
        if (!errors.isEmpty()) {
            return badRequest(page(client, form.asMap(), errors, null, null, programVersionId));
        }
        try {
            clearances.requireCleared(client.id, zone());
        } catch (Clearances.NotCleared e) {
            errors.add("programVersionId", e.getMessage());
            return Response.status(409).entity(Templates.show(page(client, form.asMap(), errors, null, null,
                    programVersionId))).build();
        }
        AssignmentService.Outcome outcome = assignments.assign(client, version, input, key, me().id,
                currentUser.userId(), today());
        switch (outcome) {
            case AssignmentService.Outcome.Created created -> {
                audit.record(client.id, AuditTrail.ASSIGNED, version.title + " v" + version.version);
                flash("message", "Assigned " + version.title + " to " + client.fullName + ".");
            }
            case AssignmentService.Outcome.AlreadyCreated same -> flash("message", "This assignment was already saved.");
            case AssignmentService.Outcome.AlreadyOpen open -> {
                errors.add("programVersionId", client.fullName + " already follows this program. Change, pause or "
                        + "end the current assignment instead.");
                return badRequest(page(client, form.asMap(), errors, null, null, programVersionId));
            }
        }
        return seeOther("/clients/" + client.id);
    }

    @POST
    @Path("assignments/{assignmentId}/prescription")
    public Object change(@RestPath String id, @RestPath String assignmentId, @RestForm String holdSeconds,
            @RestForm String levels, @RestForm String sessionsPerWeek, @RestForm String startDate,
            @RestForm String endDate, @RestForm String notes) {
        Client client = client(id);
        Assignment assignment = assignment(client, assignmentId);
        PrescriptionForm form = new PrescriptionForm(holdSeconds, levels, sessionsPerWeek, startDate, endDate, notes);
        FormErrors errors = new FormErrors();
        if (assignment.isEnded()) {
            errors.add("holdSeconds", "This assignment has ended; assign the program again instead.");
        }
        ProgramVersion version = catalog.version(assignment.programVersionId).orElseThrow();
        AssignmentService.PrescriptionInput input = form.check(version, errors);
        if (!errors.isEmpty()) {
            return badRequest(page(client, PrescriptionForm.defaults(today()).asMap(), new FormErrors(), assignment.id,
                    Map.entry(form.asMap(), errors), null));
        }
        Prescription changed = assignments.change(assignment, input, me().id, currentUser.userId(), today());
        audit.record(client.id, AuditTrail.CHANGED_PRESCRIPTION, "version " + changed.version);
        flash("message", "Prescription changed (version " + changed.version + "). The earlier ones stay in the history.");
        return seeOther("/clients/" + client.id);
    }

    @POST
    @Path("assignments/{assignmentId}/pause")
    public Response pause(@RestPath String id, @RestPath String assignmentId, @RestForm String reason) {
        Client client = client(id);
        assignments.pause(assignment(client, assignmentId), limit(reason), currentUser.userId(), today());
        audit.record(client.id, AuditTrail.PAUSED, limit(reason));
        flash("message", "Paused. " + client.fullName + " will see that the program is on hold.");
        return seeOther("/clients/" + client.id);
    }

    @POST
    @Path("assignments/{assignmentId}/resume")
    public Response resume(@RestPath String id, @RestPath String assignmentId, @RestForm String reason) {
        Client client = client(id);
        try {
            clearances.requireCleared(client.id, zone());
        } catch (Clearances.NotCleared e) {
            FormErrors errors = new FormErrors().add("resume", e.getMessage());
            return Response.status(409).entity(Templates.show(page(client, PrescriptionForm.defaults(today()).asMap(),
                    errors, null, null, null))).build();
        }
        assignments.resume(assignment(client, assignmentId), limit(reason), currentUser.userId(), today());
        audit.record(client.id, AuditTrail.RESUMED, limit(reason));
        flash("message", "Resumed.");
        return seeOther("/clients/" + client.id);
    }

    @POST
    @Path("assignments/{assignmentId}/end")
    public Response end(@RestPath String id, @RestPath String assignmentId, @RestForm String reason) {
        Client client = client(id);
        assignments.end(assignment(client, assignmentId), limit(reason), currentUser.userId(), today());
        audit.record(client.id, AuditTrail.ENDED, limit(reason));
        flash("message", "Ended. The history stays on this page.");
        return seeOther("/clients/" + client.id);
    }

    /** The page again after a refused form, for a client already found visible. */
    private Page page(Client client, Map<String, String> form, FormErrors errors, UUID failedAssignment,
            Map.Entry<Map<String, String>, FormErrors> failedChange, String selectedVersion) {
        return page(client, pageQuery.read(client.id, CHART_SESSIONS, LISTED), form, errors, failedAssignment,
                failedChange, selectedVersion);
    }

    /** One statement's rows for all the page shows, however many assignments and sessions the client has. */
    private Page page(Client client, ClientPageQuery.Rows rows, Map<String, String> form, FormErrors errors,
            UUID failedAssignment, Map.Entry<Map<String, String>, FormErrors> failedChange, String selectedVersion) {
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
            views.add(new AssignmentView(assignment, version, current, history,
                    rows.events().getOrDefault(assignment.id, List.of()), reports.get(assignment.id),
                    holdsChart(version, current, sessions), discomfortChart(sessions),
                    sessions.subList(0, Math.min(10, sessions.size())),
                    failed ? failedChange.getKey() : PrescriptionForm.of(current).asMap(),
                    failed ? failedChange.getValue() : new FormErrors()));
        }
        return new Page(client, views, programs(rows.latestProgramVersions()), form, errors,
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

    static String holdsChart(ProgramVersion version, Prescription current, List<SessionLog> sessions) {
        List<String> names = new ArrayList<>();
        List<List<SvgCharts.Point>> series = new ArrayList<>();
        for (int level = 0; level < current.levels; level++) {
            names.add(version.levelName(level));
            List<SvgCharts.Point> points = new ArrayList<>();
            for (SessionLog session : sessions.reversed()) {
                if (level < session.holdSeconds.length) {
                    points.add(new SvgCharts.Point(session.performedOn, session.holdSeconds[level]));
                }
            }
            series.add(points);
        }
        return SvgCharts.holdsPerLevel(names, series, "Hold time per level");
    }

    static String discomfortChart(List<SessionLog> sessions) {
        return SvgCharts.discomfort(sessions.reversed().stream()
                .map(session -> new SvgCharts.Point(session.performedOn, session.discomfort)).toList(),
                "Discomfort during sessions (0–10)");
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

    private static String limit(String reason) {
        if (reason == null) {
            return null;
        }
        String text = reason.strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    static Map<String, String> copy(Map<String, String> map) {
        return new HashMap<>(map);
    }
}
