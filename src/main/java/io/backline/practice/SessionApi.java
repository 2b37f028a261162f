package io.backline.practice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.api.ApiDocumentFilter;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.web.Ids;

/** What the "today" page does, for a mobile app: the client's own assignments and checking off a session. */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.CLIENT)
@Tag(name = "Sessions", description = "The signed-in client's assignments and check-offs")
@SecurityRequirement(name = ApiDocumentFilter.BEARER, scopes = CurrentUser.CLIENT)
public class SessionApi {

    @Inject
    CurrentUser currentUser;
    @Inject
    AssignmentService assignments;
    @Inject
    ProgramCatalog catalog;
    @Inject
    CheckOffService checkOffs;
    @Inject
    AdherenceService adherence;

    public record PrescriptionView(int version, int holdSeconds, int levels, List<String> levelNames,
            int sessionsPerWeek, LocalDate startDate, LocalDate endDate, String notes) {
    }

    public record AssignmentView(UUID id, String status, String programTitle, int programVersion, String stopRule,
            List<String> steps, PrescriptionView prescription, int adherencePercent, int streakWeeks) {
    }

    public record CheckOffRequest(LocalDate performedOn, List<Integer> holdSeconds, Integer discomfort,
            String feeling, String note, Boolean worseOrUnsafe, UUID idempotencyKey) {
        /** As the today page's form sends it, to be checked by the same rules. */
        CheckOffForm form() {
            return new CheckOffForm(text(idempotencyKey), text(performedOn),
                    holdSeconds == null ? null : holdSeconds.stream().map(CheckOffRequest::text).toList(),
                    text(discomfort), feeling, note, Boolean.TRUE.equals(worseOrUnsafe) ? "on" : null);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    public record SessionView(UUID id, LocalDate performedOn, int[] holdSeconds, int discomfort, String feeling,
            String note, boolean worseOrUnsafe, boolean corrected) {
        static SessionView of(SessionLog session) {
            return new SessionView(session.id, session.performedOn, session.holdSeconds, session.discomfort,
                    session.feeling, session.note, session.worseOrUnsafe, session.correctedAt != null);
        }
    }

    public record Problem(int status, String title, String field) {
    }

    @GET
    @Operation(summary = "The signed-in client's assignments, open ones first")
    public List<AssignmentView> mine() {
        Client client = me();
        List<Assignment> list = assignments.assignmentsOf(client.id);
        var reports = adherence.reports(list, zone());
        List<AssignmentView> views = new ArrayList<>();
        for (Assignment assignment : list) {
            ProgramVersion version = catalog.version(assignment.programVersionId).orElseThrow();
            Prescription p = assignments.currentPrescription(assignment.id);
            List<String> levels = new ArrayList<>();
            for (int i = 0; i < p.levels; i++) {
                levels.add(version.levelName(i));
            }
            Adherence.Report report = reports.get(assignment.id);
            views.add(new AssignmentView(assignment.id, assignment.status.name(), version.title, version.version,
                    version.stopRule, version.stepList(), new PrescriptionView(p.version, p.holdSeconds, p.levels,
                            levels, p.sessionsPerWeek, p.startDate, p.endDate, p.notes),
                    report.percent(), report.streakWeeks()));
        }
        return views;
    }

    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check off a session; the same idempotencyKey twice saves once",
            description = "With worseOrUnsafe true the session is also a red symptom report: the program pauses and "
                    + "the care team is alerted at once; POST /api/v1/symptoms with its sessionId adds the detail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
            value = """
                    {"performedOn": "2026-12-05", "holdSeconds": [60, 45, 30], "discomfort": 3, "feeling": "GOOD",
                     "note": "Tight at the top", "worseOrUnsafe": false,
                     "idempotencyKey": "6f1c2f8e-2b7a-4a44-9d8e-0c3f4f1b2a11"}""")))
    @APIResponse(responseCode = "201", description = "Saved (200 when the same key was saved before, or today's "
            + "session was corrected)")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range",
            content = @Content(schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Not this client's assignment")
    @APIResponse(responseCode = "409", description = "Refused: a paused or ended program, a future day, an "
            + "idempotencyKey another submission already used",
            content = @Content(schema = @Schema(ref = "Problem")))
    public Response checkOff(@RestPath String id, CheckOffRequest request) {
        UUID clientId = currentUser.clientId().orElseThrow(NotFoundException::new);
        UUID assignmentId = Ids.parse(id);
        if (request == null) {
            // Another client's assignment still answers 404 first.
            assignments.prescribedFor(assignmentId, clientId).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(new Problem(400, "Send a JSON body.", null)).build();
        }
        CheckOffForm form = request.form();
        List<CheckOffService.FieldError> errors = checkOffs.check(form, null);
        if (!errors.isEmpty()) {
            // Checked before the lookup, which needs the key and the day; another client's assignment still answers
            // 404 first.
            assignments.prescribedFor(assignmentId, clientId).orElseThrow(NotFoundException::new);
            return problem(errors);
        }
        CheckOffService.Target target = checkOffs.target(assignmentId, clientId, request.idempotencyKey(),
                request.performedOn()).orElseThrow(NotFoundException::new);
        errors = checkOffs.check(form, target.prescription());
        if (!errors.isEmpty()) {
            return problem(errors);
        }
        CheckOffService.CheckOff checkOff = form.checked();
        CheckOffService.Result result;
        try {
            result = checkOffs.record(target, checkOff, zone(), " (API)");
        } catch (RuntimeException e) {
            result = checkOffs.afterFailedSave(clientId, checkOff.idempotencyKey(), e);
        }
        return switch (result) {
            case CheckOffService.Result.Saved saved ->
                Response.status(saved.corrected() ? 200 : 201).entity(SessionView.of(saved.session())).build();
            case CheckOffService.Result.AlreadySaved same -> Response.ok(SessionView.of(same.session())).build();
            case CheckOffService.Result.Refused refused -> Response.status(409)
                    .entity(new Problem(409, refused.message(), refused.field())).build();
        };
    }

    /** The first refused field, with the message the today page shows for it. */
    private static Response problem(List<CheckOffService.FieldError> errors) {
        CheckOffService.FieldError first = errors.get(0);
        return Response.status(400).entity(new Problem(400, first.message(), first.field())).build();
    }

    private Client me() {
        return Client.signedIn(currentUser);
    }

    private ZoneId zone() {
        return currentUser.zone();
    }
}
