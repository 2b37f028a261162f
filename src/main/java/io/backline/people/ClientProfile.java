package io.backline.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.clinic.CurrentUser;
import io.backline.audit.AuditTrail;
import io.backline.web.Ids;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A client's profile for their care team: contact details, staff-only notes, the care team itself, and (for admins)
 * deactivation. Admins and the client's lead trainer change the care team.
 */
@Path("/clients/{id}/profile")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class ClientProfile extends Controller {

    @Inject
    ClientAccess access;
    @Inject
    CurrentUser currentUser;
    @Inject
    Memberships memberships;
    @Inject
    AuditTrail audit;
    @Inject
    SubmittedForm submitted;

    public record TeamMember(StaffMember staff, boolean lead) {
    }

    public record Page(Client client, Map<String, String> form, List<TeamMember> team, List<StaffMember> addable,
            boolean mayEditTeam) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance profile(@RestPath String id) {
        Client client = client(id);
        audit.recordView(client.id, "viewed profile", null);
        return Templates.profile(page(client, formOf(client)));
    }

    @POST
    @Path("")
    public Response save(@RestPath String id,
            @RestForm @NotBlank(message = "Name is required.")
            @Size(max = 160, message = "Name can be at most {max} characters.") String fullName,
            @RestForm @Size(max = 80, message = "Preferred name can be at most {max} characters.") String preferredName,
            @RestForm @Size(max = 40, message = "Phone can be at most {max} characters.") String phone,
            @RestForm @Size(max = 2000, message = "Notes can be at most {max} characters.") String notes) {
        Client client = client(id);
        if (client.erasedAt != null && !validation.hasError("fullName")) {
            validation.addError("fullName", "This client's personal data was erased; the profile cannot be changed.");
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.profile(page(client, submitted.values()))).build();
        }
        client.fullName = Typed.text(fullName);
        client.preferredName = emptyAsNull(Typed.text(preferredName));
        client.phone = emptyAsNull(Typed.text(phone));
        client.notes = emptyAsNull(Typed.text(notes));
        audit.record(client.id, "changed profile", null);
        flash("message", "Saved " + client.fullName + "'s profile.");
        return profileOf(client);
    }

    @POST
    @Path("care-team")
    public Response addToTeam(@RestPath String id, @RestForm String staffId) {
        Client client = client(id);
        requireTeamEditor(client);
        UUID trainerId = Ids.parseOrNull(staffId);
        StaffMember trainer = trainerId == null ? null : StaffMember.find("id", trainerId).firstResult();
        if (trainer == null || !trainer.active || !trainer.isTrainer()) {
            validation.addError("staffId", "Choose a trainer to add.");
            // The profile form shows what is saved: this post typed nothing into it.
            return Response.status(400).entity(Templates.profile(page(client, formOf(client)))).build();
        }
        if (CareTeamMember.count("key.clientId = ?1 and key.staffMemberId = ?2", client.id, trainer.id) == 0) {
            CareTeamMember member = new CareTeamMember();
            member.key = new CareTeamMember.Key(client.id, trainer.id);
            member.persist();
            audit.record(client.id, "added to care team", trainer.fullName);
        }
        flash("message", trainer.fullName + " is on " + client.fullName + "'s care team.");
        return profileOf(client);
    }

    @POST
    @Path("care-team/{staffId}/remove")
    public Response removeFromTeam(@RestPath String id, @RestPath String staffId) {
        Client client = client(id);
        requireTeamEditor(client);
        CareTeamMember member = teamMember(client, staffId);
        if (member.lead) {
            flash("message", "Make another trainer the lead first: every client keeps a lead trainer.");
        } else {
            member.delete();
            audit.record(client.id, "removed from care team", nameOf(member));
            flash("message", nameOf(member) + " is no longer on " + client.fullName + "'s care team.");
        }
        return profileOf(client);
    }

    @POST
    @Path("care-team/{staffId}/lead")
    public Response makeLead(@RestPath String id, @RestPath String staffId) {
        Client client = client(id);
        requireTeamEditor(client);
        CareTeamMember member = teamMember(client, staffId);
        if (!member.lead) {
            member.makeLead();
            audit.record(client.id, "changed lead trainer", nameOf(member));
        }
        flash("message", nameOf(member) + " now leads " + client.fullName + "'s care team.");
        return profileOf(client);
    }

    @POST
    @Path("deactivate")
    @RolesAllowed(CurrentUser.ADMIN)
    public Response deactivate(@RestPath String id) {
        Client client = client(id);
        if (client.active) {
            memberships.deactivate(client);
            audit.record(client.id, "deactivated client", null);
        }
        flash("message", client.fullName + " can no longer sign in to this clinic. Their history stays.");
        return profileOf(client);
    }

    @POST
    @Path("reactivate")
    @RolesAllowed(CurrentUser.ADMIN)
    public Response reactivate(@RestPath String id) {
        Client client = client(id);
        if (!client.active && client.erasedAt == null) {
            memberships.reactivate(client);
            audit.record(client.id, "reactivated client", null);
        }
        flash("message", client.fullName + " can sign in to this clinic again.");
        return profileOf(client);
    }

    private Page page(Client client, Map<String, String> form) {
        List<CareTeamMember> members = CareTeamMember.list("key.clientId", client.id);
        Map<UUID, StaffMember> staff = new HashMap<>();
        StaffMember.<StaffMember> list("role = ?1 order by fullName", CurrentUser.TRAINER)
                .forEach(trainer -> staff.put(trainer.id, trainer));
        List<TeamMember> team = members.stream().filter(member -> staff.containsKey(member.key.staffMemberId()))
                .map(member -> new TeamMember(staff.get(member.key.staffMemberId()), member.lead))
                .sorted((a, b) -> Boolean.compare(b.lead(), a.lead())).toList();
        List<StaffMember> addable = staff.values().stream().filter(trainer -> trainer.active)
                .filter(trainer -> members.stream().noneMatch(member -> member.key.staffMemberId().equals(trainer.id)))
                .sorted((a, b) -> a.fullName.compareToIgnoreCase(b.fullName)).toList();
        return new Page(client, form, team, addable, mayEditTeam(members));
    }

    private boolean mayEditTeam(List<CareTeamMember> members) {
        if (currentUser.isAdmin()) {
            return true;
        }
        UUID me = currentUser.staffMemberId().orElse(null);
        return members.stream().anyMatch(member -> member.lead && member.key.staffMemberId().equals(me));
    }

    private void requireTeamEditor(Client client) {
        if (!mayEditTeam(CareTeamMember.list("key.clientId", client.id))) {
            throw new io.quarkus.security.ForbiddenException("Only admins and the lead trainer change the care team");
        }
    }

    private static CareTeamMember teamMember(Client client, String staffId) {
        CareTeamMember member = CareTeamMember.find("key.clientId = ?1 and key.staffMemberId = ?2", client.id,
                Ids.parse(staffId)).firstResult();
        if (member == null) {
            throw new NotFoundException();
        }
        return member;
    }

    private static String nameOf(CareTeamMember member) {
        StaffMember staff = StaffMember.find("id", member.key.staffMemberId()).firstResult();
        return staff == null ? "That trainer" : staff.fullName;
    }

    private static Map<String, String> formOf(Client client) {
        Map<String, String> form = new HashMap<>();
        form.put("fullName", client.fullName);
        form.put("preferredName", client.preferredName);
        form.put("phone", client.phone);
        form.put("notes", client.notes);
        return form;
    }

    private static Response profileOf(Client client) {
        return seeOther(Router.getURI(ClientProfile::profile, client.id.toString()));
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
