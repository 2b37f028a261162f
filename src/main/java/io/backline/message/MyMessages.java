package io.backline.message;

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

import org.jboss.resteasy.reactive.RestForm;

import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.people.Client;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The client's conversation with their care team. */
@Path("/today/messages")
@RolesAllowed(CurrentUser.CLIENT)
public class MyMessages extends Controller {
    @Inject
    CurrentUser currentUser;
    @Inject
    MessageService messages;
    @Inject
    MessageQuery query;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conversation(Client client, List<MessageQuery.Row> rows,
                List<MessageQuery.Choice> choices, Map<String, String> form, String requestKey,
                boolean emailOn);
    }

    @GET
    @Path("")
    public TemplateInstance conversation() {
        return page(Client.signedIn(currentUser), Map.of());
    }

    @POST
    @Path("")
    public Response send(@BeanParam @Valid MessageForm form) {
        Client client = Client.signedIn(currentUser);
        if (!validation.hasErrors()) {
            String wrong = messages.check(client, form);
            if (wrong != null) {
                validation.addError(MessageService.ABOUT, wrong);
            }
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(page(client, submitted.values())).build();
        }
        messages.send(client, new MessageService.Author(currentUser.userId(), currentUser.getName(), true), form);
        return Responses.of(redirect(MyMessages.class).conversation());
    }

    /** The "new message" email, on or off. */
    @POST
    @Path("email")
    public Response email(@RestForm boolean on) {
        messages.setEmail(currentUser.userId(), on);
        flash("message", io.backline.web.i18n.Texts.get(on ? "messages.willEmail" : "messages.noEmail"));
        return Responses.of(redirect(MyMessages.class).conversation());
    }

    private TemplateInstance page(Client client, Map<String, String> form) {
        List<MessageQuery.Row> rows = query.conversation(client.id, Conversations.SHOWN);
        messages.read(client.id, currentUser.userId());
        audit.recordView(client.id, AuditTrail.VIEWED_MESSAGES, null);
        return Templates.conversation(client, rows, query.choices(client.id), form, UUID.randomUUID().toString(),
                query.emailOn(currentUser.userId()));
    }
}
