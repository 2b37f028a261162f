package io.backline.symptom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.backline.api.ApiDocumentFilter;
import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;

/** What the report form does, for a mobile app: a client reports a symptom and reads what happens next. */
@Path("/api/v1/symptoms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.CLIENT)
@Tag(name = "Symptoms", description = "The signed-in client's symptom reports")
@SecurityRequirement(name = ApiDocumentFilter.BEARER, scopes = CurrentUser.CLIENT)
public class SymptomApi {
    @Inject
    CurrentUser currentUser;
    @Inject
    FlagService flags;
    @Inject
    AuditTrail audit;

    /** Names as on the report form; {@code sessionId} links the report to a checked-off session (and its tick). */
    public record ReportRequest(String type, Integer severity, String region, String when, List<String> signs,
            Integer painBefore, String description, UUID sessionId, UUID requestKey) {
        /** As the report form sends it, to be checked by the same rules. */
        FlagForm form() {
            return new FlagForm(type, text(severity), region, when, signs, text(painBefore), description,
                    text(sessionId), text(requestKey));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    public record FlagView(UUID id, String level, String explanation, boolean programPaused, boolean seePhysician,
            Instant reportedAt) {
        static FlagView of(SymptomFlag flag) {
            return new FlagView(flag.id, flag.level.name(), flag.explanation, flag.pausedAssignment, flag.seePhysician,
                    flag.reportedAt);
        }
    }

    public record Problem(int status, String title, Map<String, String> fields) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a symptom; the same requestKey twice saves once",
            description = "The decision table grades the report; red and emergency pause the program and alert the "
                    + "care team at once. With the sessionId of a check-off ticked worse or unsafe, the report adds "
                    + "detail to that session's red flag, which may rise but never falls below red.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "report",
            value = """
                    {"type": "INCREASED_PAIN", "severity": 5, "region": "MIDDLE_THORACIC", "when": "DURING",
                     "signs": ["RIB_PAIN_ON_DEEP_BREATH"], "painBefore": 2, "description": "Sharp on the left",
                     "requestKey": "0b8f2a52-8a43-4f55-9d0e-3e0c7a6a5b21"}""")))
    @APIResponse(responseCode = "201", description = "Saved, with the level and what happens next")
    @APIResponse(responseCode = "400", description = "A field is missing or not one of the listed choices; "
            + "fields names each one with its message")
    public Response report(ReportRequest request) {
        Client client = Client.signedIn(currentUser);
        if (request == null || request.requestKey() == null) {
            return Response.status(400).entity(new Problem(400, "Send a JSON body with a requestKey (a UUID the app "
                    + "makes once per report).", Map.of("requestKey", "required"))).build();
        }
        FlagForm form = request.form();
        Map<String, String> refused = flags.check(form);
        if (!refused.isEmpty()) {
            return Response.status(400).entity(new Problem(400, "Some fields need a change.", refused)).build();
        }
        FlagService.Reported reported = flags.report(currentUser.getClinic(), client, form.input(),
                currentUser.userId(), false, request.requestKey());
        audit.record(client.id, reported.detailAdded() ? "added detail to symptom report" : "reported symptom",
                reported.flag().level.name() + " (API)");
        return Response.status(201).entity(FlagView.of(reported.flag())).build();
    }
}
