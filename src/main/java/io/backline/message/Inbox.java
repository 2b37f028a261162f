package io.backline.message;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CurrentUser;
import io.backline.web.Responses;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The staff's conversations, unread first; and the menus' unread count, polled like the flag badge. */
@Path("/messages")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Inbox extends Controller {
    private static final int SHOWN = 100;

    @Inject
    CurrentUser currentUser;
    @Inject
    MessageQuery query;
    @Inject
    MessageService messages;
    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<MessageQuery.Conversation> conversations, boolean emailOn);
    }

    @GET
    @Path("")
    public TemplateInstance inbox() {
        audit.recordView(AuditSubject.clinic(), "viewed conversations", null);
        return Templates.inbox(query.conversations(currentUser.userId(), currentUser.isAdmin(),
                currentUser.staffMemberId().orElse(new java.util.UUID(0, 0)), SHOWN), query.emailOn(currentUser.userId()));
    }

    /** The "new message" email, on or off, for all of this person's conversations. */
    @POST
    @Path("email")
    public Response email(@RestForm boolean on) {
        messages.setEmail(currentUser.userId(), on);
        flash("message", on ? "You will get an email when a client writes." : "No more emails about messages.");
        return Responses.of(redirect(Inbox.class).inbox());
    }

    /** The unread count of the person's menu: counted with the sign-in's membership statement. */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN, CurrentUser.CLIENT })
    public Map<String, Long> count() {
        return Map.of("unread", currentUser.unreadMessageCount());
    }
}
