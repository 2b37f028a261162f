package io.backline.clinic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.form.Typed;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A clinic admin's settings: name, city, time zone, the symptom-flag thresholds, disengagement and alert emails. */
@Path("/clinic/settings")
@RolesAllowed(CurrentUser.ADMIN)
public class ClinicSettings extends Controller {
    /** The zones a Portland-area clinic plausibly uses first; any valid zone id is accepted. */
    static final List<String> SUGGESTED_ZONES = List.of("America/Los_Angeles", "America/Boise", "America/Denver",
            "America/Phoenix", "America/Chicago", "America/New_York", "America/Anchorage", "Pacific/Honolulu");

    @Inject
    CurrentUser currentUser;
    @Inject
    SubmittedForm submitted;
    @Inject
    Event<SettingsChanged> settingsChanged;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Map<String, String> form, List<String> zones);
    }

    @GET
    @Path("")
    public TemplateInstance show() {
        return Templates.settings(formOf(currentUser.getClinic()), SUGGESTED_ZONES);
    }

    @POST
    @Path("")
    public Response save(@BeanParam @Valid SettingsForm typed) {
        if (!typed.isZone()) {
            validation.addError("timezone", "“" + Typed.text(typed.timezone()) + "” is not a time zone; use a name such as America/Los_Angeles.");
        }
        if (typed.amberNotBelowRed()) {
            validation.addError("amberSeverity", "The amber severity must be below the red one (" + typed.redSeverity().strip() + ").");
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.settings(submitted.values(), SUGGESTED_ZONES)).build();
        }
        Clinic clinic = Clinic.findById(currentUser.getClinic().id);
        Map<String, String> before = formOf(clinic);
        typed.applyTo(clinic);
        Map<String, String> after = formOf(clinic);
        List<String> changed = after.keySet().stream().filter(field -> !after.get(field).equals(before.get(field)))
                .sorted().map(field -> field.replaceAll("([A-Z])", " $1").toLowerCase()).toList();
        if (!changed.isEmpty()) {
            settingsChanged.fire(new SettingsChanged(changed));
        }
        flash("message", "Settings saved. New flags and the dashboard use them from now on.");
        return Responses.of(redirect(ClinicSettings.class).show());
    }

    private static Map<String, String> formOf(Clinic clinic) {
        Map<String, String> form = new HashMap<>();
        form.put("name", clinic.name);
        form.put("city", clinic.city);
        form.put("timezone", clinic.timezone);
        form.put("disengagedAfterDays", String.valueOf(clinic.disengagedAfterDays));
        form.put("redSeverity", String.valueOf(clinic.redSeverity));
        form.put("amberSeverity", String.valueOf(clinic.amberSeverity));
        form.put("painRise", String.valueOf(clinic.painRise));
        form.put("discomfortRise", String.valueOf(clinic.discomfortRise));
        form.put("ambersForRed", String.valueOf(clinic.ambersForRed));
        form.put("amberWindowDays", String.valueOf(clinic.amberWindowDays));
        form.put("escalateAfterHours", String.valueOf(clinic.escalateAfterHours));
        form.put("alertEmails", clinic.alertEmails ? "on" : "");
        form.put("referralAckDays", String.valueOf(clinic.referralAckDays));
        form.put("phone", clinic.phone == null ? "" : clinic.phone);
        form.put("answersWithinHours", clinic.answersWithinHours == null ? "" : String.valueOf(clinic.answersWithinHours));
        return form;
    }
}
