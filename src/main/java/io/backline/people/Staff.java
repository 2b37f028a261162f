package io.backline.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import io.backline.clinic.CurrentUser;
import io.backline.web.Ids;
import io.backline.web.Paged;
import io.backline.web.form.SubmittedForm;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The clinic's staff for its admins: who works here, and deactivating or reactivating someone. */
@Path("/staff")
@RolesAllowed(CurrentUser.ADMIN)
public class Staff extends Controller {

    @Inject
    Memberships memberships;
    @Inject
    CurrentUser currentUser;
    @Inject
    SubmittedForm submitted;

    public record Person(StaffMember staff, long clientsLed, long careTeams, List<StaffMember> successors,
            boolean self, Map<String, String> form) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Paged<StaffMember> page, String q);

        static native TemplateInstance person(Person person);
    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String q, @RestQuery String page) {
        String text = q == null ? "" : q.strip();
        var query = StaffMember.<StaffMember> find(
                "(lower(fullName) like :like or lower(email) like :like) order by active desc, fullName",
                Parameters.with("like", "%" + text.toLowerCase() + "%"));
        return Templates.index(Paged.of(query, Paged.index(page)), text);
    }

    @GET
    @Path("{id}")
    public TemplateInstance person(@RestPath String id) {
        return Templates.person(personOf(staff(id), Map.of()));
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@RestPath String id, @RestForm String successorId) {
        StaffMember staff = staff(id);
        if (!staff.active) {
            flash("message", staff.fullName + " is already deactivated.");
            return pageOf(staff);
        }
        if (isSelf(staff)) {
            validation.addError("successorId", "You cannot deactivate yourself; ask another clinic admin.");
        }
        StaffMember successor = null;
        if (memberships.clientsLedBy(staff) > 0) {
            successor = Optional.ofNullable(successorId).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Ids::parseOrNull).map(sid -> StaffMember.<StaffMember> find("id", sid).<StaffMember> firstResult())
                    .filter(s -> s.active && s.isTrainer() && !s.id.equals(staff.id)).orElse(null);
            if (successor == null && !validation.hasError("successorId")) {
                validation.addError("successorId", "Choose the trainer who takes over " + staff.fullName + "'s clients.");
            }
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.person(personOf(staff, submitted.values()))).build();
        }
        memberships.deactivate(staff, successor);
        flash("message", staff.fullName + " is deactivated and can no longer sign in to this clinic."
                + (successor == null ? "" : " Their clients now have " + successor.fullName + " as lead trainer."));
        return pageOf(staff);
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@RestPath String id) {
        StaffMember staff = staff(id);
        if (!staff.active) {
            memberships.reactivate(staff);
        }
        flash("message", staff.fullName + " can sign in to this clinic again.");
        return pageOf(staff);
    }

    private Person personOf(StaffMember staff, Map<String, String> form) {
        List<StaffMember> successors = StaffMember.list("role = ?1 and active and id <> ?2 order by fullName",
                CurrentUser.TRAINER, staff.id);
        return new Person(staff, memberships.clientsLedBy(staff),
                CareTeamMember.count("key.staffMemberId", staff.id), successors, isSelf(staff), form);
    }

    private static Response pageOf(StaffMember staff) {
        return seeOther(Router.getURI(Staff::person, staff.id.toString()));
    }

    private boolean isSelf(StaffMember staff) {
        return staff.userId.equals(currentUser.userId());
    }

    private static StaffMember staff(String id) {
        UUID staffId = Ids.parse(id);
        // A query, not findById: it runs under the clinic filter, so another clinic's staff member is not found.
        StaffMember staff = StaffMember.find("id", staffId).firstResult();
        if (staff == null) {
            throw new NotFoundException();
        }
        return staff;
    }
}
