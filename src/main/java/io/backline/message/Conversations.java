package io.backline.message;

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
import io.backline.clinic.CurrentUser;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.web.Ids;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The staff's side of a client's conversation; a client they do not see (care team, clinic) is not there. */
@Path("/clients/{id}/messages")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Conversations extends Controller {
    static final int SHOWN = 100;

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientAccess access;
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
    public TemplateInstance conversation(@RestPath String id) {
        Client client = visible(id);
        return page(client, Map.of());
    }

    @POST
    @Path("")
    public Response send(@RestPath String id, @BeanParam @Valid MessageForm form) {
        Client client = visible(id);
        if (!validation.hasErrors()) {
            String wrong = messages.check(client, form);
            if (wrong != null) {
                validation.addError(MessageService.ABOUT, wrong);
            }
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(page(client, submitted.values())).build();
        }
        messages.send(client, new MessageService.Author(currentUser.userId(), currentUser.getName(), false), form);
        return Responses.of(redirect(Conversations.class).conversation(client.id.toString()));
    }

    private TemplateInstance page(Client client, Map<String, String> form) {
        List<MessageQuery.Row> rows = query.conversation(client.id, SHOWN);
        messages.read(client.id, currentUser.userId());
        audit.recordView(client.id, AuditTrail.VIEWED_MESSAGES, null);
        return Templates.conversation(client, rows, query.choices(client.id), form, UUID.randomUUID().toString(),
                query.emailOn(currentUser.userId()));
    }

    private Client visible(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
