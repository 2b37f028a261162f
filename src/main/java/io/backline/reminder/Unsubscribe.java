package io.backline.reminder;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.backline.notify.UnsubscribeLinks;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe link from a reminder email: no sign-in, the signed token is the credential. Opening it shows a
 * confirm button (mail scanners open links, and must not unsubscribe anyone); the button's form carries the CSRF token
 * like every page form. The mail client's own one-click POST goes to {@link OneClickUnsubscribe}.
 */
@Path("/unsubscribe/{token}")
@PermitAll
public class Unsubscribe extends Controller {
    @Inject
    UnsubscribeLinks links;
    @Inject
    UnsubscribeQuery query;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String clinicName, boolean emailOn);

        static native TemplateInstance invalid();
    }

    @GET
    @Path("")
    @Transactional
    public Response confirm(@PathParam("token") String token) {
        Optional<UnsubscribeQuery.State> state = UnsubscribeQuery.reminders(links, token).map(query::state);
        if (state.isEmpty()) {
            return Response.status(404).entity(Templates.invalid()).build();
        }
        return Response.ok(Templates.confirm(token, state.get().clinicName(), state.get().emailOn())).build();
    }

    @POST
    @Path("")
    @Transactional
    public Response unsubscribe(@PathParam("token") String token) {
        if (!turnOff(token)) {
            return Response.status(404).entity(Templates.invalid()).build();
        }
        flash("message", io.backline.web.i18n.Texts.get("unsubscribe.done"));
        return Response.seeOther(io.quarkiverse.renarde.router.Router.getURI(Unsubscribe::confirm, token)).build();
    }

    /** Turns reminders off for a valid link; false when the link is tampered with, expired or names no one. */
    private boolean turnOff(String token) {
        return UnsubscribeQuery.reminders(links, token).map(query::turnOff).orElse(false);
    }
}
