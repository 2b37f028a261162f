package io.backline.symptom;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Map<String, String> form, FormErrors errors, String requestKey,
                FlagForm.Choices choices, SymptomFlag tick);

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
        return render(FlagForm.blank(session), new FormErrors());
    }

    @POST
    @Path("")
    public Object submit(@RestForm String type, @RestForm String severity, @RestForm String region,
            @RestForm String when, @RestForm List<String> sign, @RestForm String painBefore,
            @RestForm String description, @RestForm String sessionId, @RestForm String requestKey) {
        Client client = me();
        FlagForm form = new FlagForm(type, severity, region, when, sign, painBefore, description, sessionId);
        FormErrors errors = new FormErrors();
        FlagService.FlagInput input = form.check(errors);
        UUID key = errors.requestKey(requestKey);
        if (input == null || key == null) {
            return Response.status(400).entity(render(form, errors)).build();
        }
        FlagService.Reported reported = flags.report(currentUser.getClinic(), client, input, currentUser.userId(),
                false, key);
        audit.record(client.id, reported.detailAdded() ? "added detail to symptom report" : "reported symptom",
                reported.flag().level.name());
        return seeOther("/today/flags/" + reported.flag().id);
    }

    @GET
    @Path("{id}")
    public TemplateInstance flag(@RestPath String id) {
        Client client = me();
        SymptomFlag flag = SymptomFlag.<SymptomFlag> find("id = ?1 and clientId = ?2", Ids.parse(id), client.id)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        return Templates.flag(flag);
    }

    private TemplateInstance render(FlagForm form, FormErrors errors) {
        SymptomFlag tick = null;
        if (!form.sessionId().isBlank()) {
            try {
                tick = SymptomFlag.tickOf(UUID.fromString(form.sessionId().strip()), me().id).orElse(null);
            } catch (IllegalArgumentException e) {
                tick = null; // an edited link: the form still reports
            }
        }
        return Templates.report(form.asMap(), errors, UUID.randomUUID().toString(), FlagForm.Choices.all(), tick);
    }

    private Client me() {
        return Client.signedIn(currentUser);
    }
}
