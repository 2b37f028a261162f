package io.backline.safety;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.web.FormErrors;
import io.quarkiverse.renarde.Controller;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screening(List<ScreeningForm.Row> rows, FormErrors errors, String requestKey,
                boolean first);
    }

    @GET
    @Path("")
    public TemplateInstance form() {
        Client client = Client.signedIn(currentUser);
        return render(client, Map.of(), new FormErrors());
    }

    @POST
    @Path("")
    public Object answer(@BeanParam ScreeningForm.Answers answers) {
        Client client = Client.signedIn(currentUser);
        Map<String, String> typed = answers.typed();
        FormErrors errors = new FormErrors();
        Set<ScreeningQuestion> yes = ScreeningForm.check(typed, errors);
        UUID key = errors.requestKey(answers.requestKey);
        if (yes == null || key == null) {
            return Response.status(400).entity(render(client, typed, errors)).build();
        }
        Screening screening = clearances.answer(client, yes, currentUser.userId(), false, key);
        audit.record(client.id, "answered pre-exercise questions", screening.needsClearance() ? "needs clearance" : "no yes");
        flash("message", screening.needsClearance()
                ? "Thank you. Because of a “yes”, a health professional needs to clear you before you exercise. "
                        + "Your trainer will contact you."
                : "Thank you. You are ready to start.");
        return seeOther("/today");
    }

    private TemplateInstance render(Client client, Map<String, String> typed, FormErrors errors) {
        return Templates.screening(ScreeningForm.rows(typed, errors), errors, UUID.randomUUID().toString(),
                client.screenedAt == null);
    }
}
