package io.backline.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A client's safety record for their care team: the pre-exercise answers, whether a clearance is needed and why,
 * the clearances recorded, and the forms to record a clearance or the answers the client gave by phone.
 */
@Path("/clients/{id}/safety")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class StaffSafety extends Controller {
    static final String VIEWED = "viewed safety record";

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientAccess access;
    @Inject
    Clearances clearances;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    public record Page(Client client, Clearances.Status status, List<Clearance> history, Map<String, String> form,
            String requestKey, List<Clearance.Role> roles, LocalDate today) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance safety(Page page);

        static native TemplateInstance screening(Client client, List<ScreeningForm.Row> rows, String requestKey);
    }

    @GET
    @Path("")
    public TemplateInstance show(@RestPath String id) {
        Client client = client(id);
        audit.recordView(client.id, VIEWED, null);
        return Templates.safety(page(client, clearances.status(client.id, currentUser.zone()),
                Map.of("clearedOn", today().toString())));
    }

    @POST
    @Path("clearances")
    public Response recordClearance(@RestPath String id, @BeanParam @Valid ClearanceForm form) {
        Client client = client(id);
        Clearances.Status status = clearances.status(client.id, currentUser.zone());
        form.check(status, today(), currentUser.zone(), validation);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.safety(page(client, status, submitted.values()))).build();
        }
        Clearances.Input input = form.input();
        clearances.record(client.id, input, null, currentUser.userId(), currentUser.getName(), form.key());
        audit.record(client.id, "recorded clearance", input.role().label);
        flash("message", "Clearance recorded. The program can be resumed or started.");
        return Responses.of(redirect(StaffSafety.class).show(client.id.toString()));
    }

    @GET
    @Path("screening")
    public TemplateInstance screeningForm(@RestPath String id) {
        Client client = client(id);
        return Templates.screening(client, ScreeningForm.rows(Map.of()), UUID.randomUUID().toString());
    }

    @POST
    @Path("screening")
    public Response screening(@RestPath String id, @BeanParam @Valid ScreeningForm answers) {
        Client client = client(id);
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.screening(client, ScreeningForm.rows(submitted.values()),
                    UUID.randomUUID().toString())).build();
        }
        Screening screening = clearances.answer(client, answers.yes(), currentUser.userId(), true, answers.key());
        audit.record(client.id, "recorded pre-exercise answers", screening.needsClearance() ? "needs clearance" : "no yes");
        flash("message", screening.needsClearance()
                ? "Saved. A “yes” means the program waits for a health professional's clearance."
                : "Saved. Nothing in the answers asks for a clearance.");
        return Responses.of(redirect(StaffSafety.class).show(client.id.toString()));
    }

    private Page page(Client client, Clearances.Status status, Map<String, String> form) {
        return new Page(client, status,
                Clearance.list("clientId = ?1 order by recordedAt desc", client.id), form,
                UUID.randomUUID().toString(), List.of(Clearance.Role.values()), today());
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    private LocalDate today() {
        return LocalDate.now(currentUser.zone());
    }

}
