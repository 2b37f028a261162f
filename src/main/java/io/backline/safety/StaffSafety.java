package io.backline.safety;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.people.ClientAccess;
import io.backline.clinic.CurrentUser;
import io.backline.web.FormErrors;
import io.backline.web.Ids;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A client's safety record for their care team: the pre-exercise answers, whether a clearance is needed and why,
 * the clearances recorded, and the forms to record a clearance or the answers the client gave by phone.
 */
@Path("/clients/{id}/safety")
@RolesAllowed({ CurrentUser.TRAINER, CurrentUser.ADMIN })
public class StaffSafety extends Controller {
    static final String VIEWED = "viewed safety record";

    @Inject
    CurrentUser currentUser;
    @Inject
    ClientAccess access;
    @Inject
    Clearances clearances;
    @Inject
    AuditTrail audit;

    public record Page(Client client, Clearances.Status status, List<Clearance> history, Map<String, String> form,
            FormErrors errors, String requestKey, List<Clearance.Role> roles, LocalDate today) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance safety(Page page);

        static native TemplateInstance screening(Client client, List<ScreeningForm.Row> rows, FormErrors errors,
                String requestKey);
    }

    @GET
    @Path("")
    public TemplateInstance show(@RestPath String id) {
        Client client = client(id);
        audit.record(client.id, VIEWED, null);
        Map<String, String> form = new HashMap<>();
        form.put("clearedOn", today().toString());
        return Templates.safety(page(client, clearances.status(client.id, currentUser.zone()), form, new FormErrors()));
    }

    @POST
    @Path("clearances")
    public Object recordClearance(@RestPath String id, @RestForm String professionalName,
            @RestForm String professionalRole, @RestForm String clearedOn, @RestForm String withLimits,
            @RestForm String note, @RestForm String requestKey) {
        Client client = client(id);
        FormErrors errors = new FormErrors();
        String name = errors.text("professionalName", professionalName, 160, true, "The health professional's name");
        Clearance.Role role = null;
        try {
            role = Clearance.Role.valueOf(professionalRole == null ? "" : professionalRole.strip());
        } catch (IllegalArgumentException e) {
            errors.add("professionalRole", "Choose the health professional's role.");
        }
        Clearances.Status status = clearances.status(client.id, currentUser.zone());
        LocalDate day = clearedOn(clearedOn, status, errors);
        String text = errors.text("note", note, 2000, true, "The note");
        UUID key = errors.requestKey(requestKey);
        Map<String, String> typed = new HashMap<>();
        typed.put("professionalName", professionalName == null ? "" : professionalName);
        typed.put("professionalRole", professionalRole == null ? "" : professionalRole);
        typed.put("clearedOn", clearedOn == null ? "" : clearedOn);
        typed.put("withLimits", withLimits == null ? "" : "on");
        typed.put("note", note == null ? "" : note);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.safety(page(client, status, typed, errors))).build();
        }
        clearances.record(client.id, new Clearances.Input(name, role, day, withLimits != null, text), null,
                currentUser.userId(), currentUser.getName(), key);
        audit.record(client.id, "recorded clearance", role.label);
        flash("message", "Clearance recorded. The program can be resumed or started.");
        return seeOther("/clients/" + client.id + "/safety");
    }

    @GET
    @Path("screening")
    public TemplateInstance screeningForm(@RestPath String id) {
        Client client = client(id);
        return Templates.screening(client, ScreeningForm.rows(Map.of(), new FormErrors()), new FormErrors(),
                UUID.randomUUID().toString());
    }

    @POST
    @Path("screening")
    public Object screening(@RestPath String id, @BeanParam ScreeningForm.Answers answers) {
        Client client = client(id);
        Map<String, String> typed = answers.typed();
        FormErrors errors = new FormErrors();
        Set<ScreeningQuestion> yes = ScreeningForm.check(typed, errors);
        UUID key = errors.requestKey(answers.requestKey);
        if (yes == null || key == null) {
            return Response.status(400).entity(Templates.screening(client, ScreeningForm.rows(typed, errors), errors,
                    UUID.randomUUID().toString())).build();
        }
        Screening screening = clearances.answer(client, yes, currentUser.userId(), true, key);
        audit.record(client.id, "recorded pre-exercise answers", screening.needsClearance() ? "needs clearance" : "no yes");
        flash("message", screening.needsClearance()
                ? "Saved. A “yes” means the program waits for a health professional's clearance."
                : "Saved. Nothing in the answers asks for a clearance.");
        return seeOther("/clients/" + client.id + "/safety");
    }

    /** The day of the clearance: not in the future, and not before what asked for it. */
    private LocalDate clearedOn(String typed, Clearances.Status status, FormErrors errors) {
        try {
            LocalDate day = LocalDate.parse(typed == null ? "" : typed.strip());
            if (day.isAfter(today())) {
                errors.add("clearedOn", "The clearance date can't be in the future.");
            } else if (status.neededSince() != null
                    && day.isBefore(LocalDate.ofInstant(status.neededSince(), currentUser.zone()))) {
                errors.add("clearedOn", "A clearance must come after what asked for it: " + status.why() + ".");
            }
            return day;
        } catch (DateTimeException e) {
            errors.add("clearedOn", "Give the date of the clearance (YYYY-MM-DD).");
            return null;
        }
    }

    private Page page(Client client, Clearances.Status status, Map<String, String> form, FormErrors errors) {
        return new Page(client, status,
                Clearance.list("clientId = ?1 order by recordedAt desc", client.id), form, errors,
                UUID.randomUUID().toString(), List.of(Clearance.Role.values()), today());
    }

    private Client client(String id) {
        return access.visibleClient(Ids.parse(id)).orElseThrow(NotFoundException::new);
    }

    private LocalDate today() {
        return LocalDate.now(currentUser.zone());
    }

}
