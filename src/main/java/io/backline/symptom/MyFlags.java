package io.backline.symptom;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A client reports a symptom, and sees what happens next. */
@Path("/today/flags")
@RolesAllowed(CurrentUser.CLIENT)
public class MyFlags extends Controller {

    @Inject
    CurrentUser currentUser;
    @Inject
    FlagService flags;
    @Inject
    FlagReview review;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Map<String, String> form, String requestKey, FlagForm.Choices choices,
                SymptomFlag tick);

        static native TemplateInstance flag(SymptomFlag flag);

        static native TemplateInstance mine(List<SymptomFlag> flags);
    }

    @GET
    @Path("")
    public TemplateInstance mine() {
        return Templates.mine(review.history(me().id, 50));
    }

    @GET
    @Path("new")
    public TemplateInstance report(@RestQuery String session) {
        return render(FlagForm.blank(session), session);
    }

    @POST
    @Path("")
    public Response submit(@BeanParam FlagForm form) {
        Client client = me();
        flags.check(form).forEach(validation::addError);
        if (validation.hasErrors()) {
            return Response.status(400).entity(render(form.shown(submitted.values()), form.sessionId())).build();
        }
        FlagService.Reported reported = flags.report(currentUser.getClinic(), client, form.input(), currentUser.userId(),
                false, form.key());
        audit.record(client.id, reported.detailAdded() ? "added detail to symptom report" : "reported symptom",
                reported.flag().level.name());
        return Responses.of(redirect(MyFlags.class).flag(reported.flag().id.toString()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance flag(@RestPath String id) {
        Client client = me();
        SymptomFlag flag = SymptomFlag.<SymptomFlag> find("id = ?1 and clientId = ?2", Ids.parse(id), client.id)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        return Templates.flag(flag);
    }

    /** The report form; after a check-off's tick ({@code sessionId} names its session), with the stop guidance. */
    private TemplateInstance render(Map<String, String> form, String sessionId) {
        SymptomFlag tick = null;
        if (sessionId != null && !sessionId.isBlank()) {
            try {
                tick = SymptomFlag.tickOf(UUID.fromString(sessionId.strip()), me().id).orElse(null);
            } catch (IllegalArgumentException e) {
                tick = null; // an edited link: the form still reports
            }
        }
        return Templates.report(form, UUID.randomUUID().toString(), FlagForm.Choices.all(), tick);
    }

    private Client me() {
        return Client.signedIn(currentUser);
    }
}
