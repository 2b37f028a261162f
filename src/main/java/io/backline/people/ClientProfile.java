package io.backline.people;

import java.util.HashMap;
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

import io.backline.clinic.CurrentUser;
import io.backline.audit.AuditTrail;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
import io.quarkiverse.renarde.Controller;
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

    public record TeamMember(StaffMember staff, boolean lead) {
    }

    public record Page(Client client, Map<String, String> form, FormErrors errors, List<TeamMember> team,
            List<StaffMember> addable, boolean mayEditTeam, FormErrors teamErrors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance profile(@RestPath String id) {
        Client client = client(id);
        audit.record(client.id, "viewed profile", null);
        return Templates.profile(page(client, formOf(client), new FormErrors(), new FormErrors()));
    }

    @POST
    @Path("")
    public Object save(@RestPath String id, @RestForm String fullName, @RestForm String preferredName,
            @RestForm String phone, @RestForm String notes) {
        Client client = client(id);
        FormErrors errors = new FormErrors();
        String name = errors.text("fullName", fullName, 160, true, "Name");
        String preferred = errors.text("preferredName", preferredName, 80, false, "Preferred name");
        String phoneNumber = errors.text("phone", phone, 40, false, "Phone");
        String staffNotes = errors.text("notes", notes, 2000, false, "Notes");
        if (client.erasedAt != null) {
            errors.add("fullName", "This client's personal data was erased; the profile cannot be changed.");
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = new HashMap<>();
            form.put("fullName", fullName);
            form.put("preferredName", preferredName);
            form.put("phone", phone);
            form.put("notes", notes);
            return Response.status(400).entity(Templates.profile(page(client, form, errors, new FormErrors()))).build();
        }
        client.fullName = name;
        client.preferredName = preferred.isEmpty() ? null : preferred;
        client.phone = phoneNumber.isEmpty() ? null : phoneNumber;
        client.notes = staffNotes.isEmpty() ? null : staffNotes;
        audit.record(client.id, "changed profile", null);
        flash("message", "Saved " + client.fullName + "'s profile.");
        return seeOther(profileOf(client));
    }

    @POST
    @Path("care-team")
    public Object addToTeam(@RestPath String id, @RestForm String staffId) {
        Client client = client(id);
        requireTeamEditor(client);
        UUID trainerId = Ids.parseOrNull(staffId);
        StaffMember trainer = trainerId == null ? null : StaffMember.find("id", trainerId).firstResult();
        if (trainer == null || !trainer.active || !trainer.isTrainer()) {
            FormErrors teamErrors = new FormErrors().add("staffId", "Choose a trainer to add.");
            return Response.status(400).entity(Templates.profile(page(client, formOf(client), new FormErrors(), teamErrors))).build();
        }
        if (CareTeamMember.count("key.clientId = ?1 and key.staffMemberId = ?2", client.id, trainer.id) == 0) {
            CareTeamMember member = new CareTeamMember();
            member.key = new CareTeamMember.Key(client.id, trainer.id);
            member.persist();
            audit.record(client.id, "added to care team", trainer.fullName);
        }
        flash("message", trainer.fullName + " is on " + client.fullName + "'s care team.");
        return seeOther(profileOf(client));
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
        return seeOther(profileOf(client));
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
        return seeOther(profileOf(client));
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
        return seeOther(profileOf(client));
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
        return seeOther(profileOf(client));
    }

    private Page page(Client client, Map<String, String> form, FormErrors errors, FormErrors teamErrors) {
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
        return new Page(client, form, errors, team, addable, mayEditTeam(members), teamErrors);
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

    private static String profileOf(Client client) {
        return "/clients/" + client.id + "/profile";
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }
}
