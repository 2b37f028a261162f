package io.backline.invitation;

import java.util.HashMap;
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
import org.jboss.resteasy.reactive.RestQuery;

import io.backline.keycloak.KeycloakAccounts;
import io.backline.clinic.CurrentUser;
import io.backline.people.StaffMember;
import io.backline.web.Ids;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Inviting people: admins invite staff and clients, trainers invite clients; pending invitations can be resent or
 * revoked, by an admin, or by a trainer for the clients they invited or care for.
 */
@Path("/invitations")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class Invitations extends Controller {

    @Inject
    InvitationService invitations;
    @Inject
    CurrentUser currentUser;
    @Inject
    SubmittedForm submitted;

    /** The form's message about the clinic's hourly limit, above its fields. */
    static final String SEND_LIMIT = "sendLimit";

    public record Page(List<Invitation> pending, List<StaffMember> trainers, Map<String, String> form,
            String requestKey) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String role) {
        Map<String, String> form = new HashMap<>();
        form.put("role", invitations.mayInvite(role == null ? "" : role) ? role : CurrentUser.CLIENT);
        StaffMember.signedIn(currentUser).filter(StaffMember::isTrainer).ifPresent(me -> form.put("leadTrainerId", me.id.toString()));
        return Templates.index(page(form));
    }

    @POST
    @Path("")
    public Response invite(@BeanParam @Valid InvitationForm form) {
        InvitationService.Checked checked = invitations.check(form);
        checked.problems().forEach(this::refuse);
        if (validation.hasErrors()) {
            return refused(400);
        }
        InvitationService.Outcome outcome;
        try {
            outcome = invitations.invite(checked);
        } catch (KeycloakAccounts.KeycloakUnavailable e) {
            refuse("email", "The invitation could not be sent just now (the sign-in service or the mail server did not answer). Nothing was saved; please try again.");
            return refused(503);
        }
        return switch (outcome) {
            case InvitationService.Outcome.Sent sent -> {
                flash("message", "Invitation sent to " + sent.invitation().email + ".");
                yield backToList();
            }
            case InvitationService.Outcome.AlreadySent same -> {
                flash("message", "This invitation was already sent to " + same.invitation().email + ".");
                yield backToList();
            }
            case InvitationService.Outcome.Refused refused -> {
                refuse(refused.field(), refused.message());
                yield refused(400);
            }
            case InvitationService.Outcome.OverLimit over -> {
                refuse(SEND_LIMIT, over.message());
                yield refused(429);
            }
        };
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@RestPath String id) {
        Invitation invitation = visible(id);
        invitations.resend(invitation).ifPresentOrElse(problem -> flash("message", problem),
                () -> flash("message", "Sent the invitation to " + invitation.email + " again."));
        return backToList();
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@RestPath String id) {
        Invitation invitation = visible(id);
        invitations.revoke(invitation);
        flash("message", "Revoked the invitation to " + invitation.email + ". Its link no longer works.");
        return backToList();
    }

    /** One message per field, the first found, as the form always showed. */
    private void refuse(String field, String message) {
        if (!validation.hasError(field)) {
            validation.addError(field, message);
        }
    }

    /** The form again, with what was typed and the messages. */
    private Response refused(int status) {
        return Response.status(status).entity(Templates.index(page(submitted.values()))).build();
    }

    private Response backToList() {
        return seeOther(Router.getURI(Invitations::index, (String) null));
    }

    private Page page(Map<String, String> form) {
        List<Invitation> pending = invitations.pendingManaged();
        List<StaffMember> trainers = StaffMember.list("role = ?1 and active order by fullName", CurrentUser.TRAINER);
        return new Page(pending, trainers, form, UUID.randomUUID().toString());
    }

    /** Another trainer's invitation, like another clinic's, is simply not found. */
    private Invitation visible(String id) {
        return invitations.managed(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
