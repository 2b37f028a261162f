package io.backline.safety;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The client answers the pre-exercise questions before their first session (and may answer again later). */
@Path("/today/screening")
@RolesAllowed(CurrentUser.CLIENT)
public class ClientScreening extends Controller {
    @Inject
    CurrentUser currentUser;
    @Inject
    Clearances clearances;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screening(List<ScreeningForm.Row> rows, String requestKey, boolean first);
    }

    @GET
    @Path("")
    public TemplateInstance form() {
        Client client = Client.signedIn(currentUser);
        return render(client, Map.of());
    }

    @POST
    @Path("")
    public Response answer(@BeanParam @Valid ScreeningForm answers) {
        Client client = Client.signedIn(currentUser);
        if (validation.hasErrors()) {
            return Response.status(400).entity(render(client, submitted.values())).build();
        }
        Screening screening = clearances.answer(client, answers.yes(), currentUser.userId(), false, answers.key());
        audit.record(client.id, "answered pre-exercise questions", screening.needsClearance() ? "needs clearance" : "no yes");
        flash("message", io.backline.web.i18n.Texts.get(screening.needsClearance() ? "screening.needsClearance" : "screening.ready"));
        // Named, not referenced: the today page (practice) sits above this package and sends clients here.
        return seeOther(Router.findURI("Today.todayPage", false));
    }

    private TemplateInstance render(Client client, Map<String, String> typed) {
        return Templates.screening(ScreeningForm.rows(typed), UUID.randomUUID().toString(), client.screenedAt == null);
    }
}
