package io.backline.notify;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.backline.web.i18n.Texts;

/**
 * The unsubscribe link from an email (reminders, messages, notifications): no sign-in, the signed token is the
 * credential, and its kind picks the emails it turns off. Opening it shows a confirm button (mail scanners open links,
 * and must not unsubscribe anyone); the button's form carries the CSRF token like every page form. The mail client's
 * own one-click POST goes to {@link OneClickUnsubscribe}.
 */
@Path("/unsubscribe/{token}")
@PermitAll
public class Unsubscribe extends Controller {
    @Inject
    EmailSwitches switches;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String clinicName, boolean emailOn, String label,
                String whereToTurnOn);

        static native TemplateInstance invalid();
    }

    @GET
    @Path("")
    @Transactional
    public Response confirm(@PathParam("token") String token) {
        Optional<EmailSwitches.Found> found = switches.find(token);
        Optional<EmailSwitch.State> state = found.flatMap(EmailSwitches.Found::state);
        if (state.isEmpty()) {
            return Response.status(404).entity(Templates.invalid()).build();
        }
        EmailSwitch emails = found.get().emailSwitch();
        return Response.ok(Templates.confirm(token, state.get().clinicName(), state.get().emailOn(), emails.label(),
                emails.whereToTurnOn())).build();
    }

    @POST
    @Path("")
    @Transactional
    public Response unsubscribe(@PathParam("token") String token) {
        Optional<EmailSwitches.Found> found = switches.find(token).filter(EmailSwitches.Found::turnOff);
        if (found.isEmpty()) {
            return Response.status(404).entity(Templates.invalid()).build();
        }
        flash("message", Texts.get("unsubscribe.done", found.get().emailSwitch().label()));
        return Response.seeOther(io.quarkiverse.renarde.router.Router.getURI(Unsubscribe::confirm, token)).build();
    }
}
