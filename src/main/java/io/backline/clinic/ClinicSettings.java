package io.backline.clinic;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.clinic.CurrentUser;
import io.backline.web.FormErrors;
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

    /** A clinic may stop earlier than the program's rule, never later: the decision table's own limit. */
    static final int MAX_RED_SEVERITY = 7;
    /** An urgent flag nobody acknowledged reaches an admin within a day. */
    static final int MAX_ESCALATION_HOURS = 24;
    /** A clinic that takes longer than three days to answer cannot run a safety loop. */
    static final int MAX_ANSWER_HOURS = 72;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Map<String, String> form, FormErrors errors, List<String> zones);
    }

    @GET
    @Path("")
    public TemplateInstance show() {
        return Templates.settings(formOf(currentUser.getClinic()), new FormErrors(), SUGGESTED_ZONES);
    }

    @POST
    @Path("")
    public Object save(@RestForm String name, @RestForm String city, @RestForm String timezone,
            @RestForm String disengagedAfterDays, @RestForm String redSeverity, @RestForm String amberSeverity,
            @RestForm String painRise, @RestForm String discomfortRise, @RestForm String ambersForRed,
            @RestForm String amberWindowDays, @RestForm String escalateAfterHours, @RestForm String alertEmails,
            @RestForm String referralAckDays, @RestForm String phone, @RestForm String answersWithinHours) {
        FormErrors errors = new FormErrors();
        String clinicName = errors.text("name", name, 120, true, "Clinic name");
        String clinicCity = errors.text("city", city, 80, true, "City");
        String zone = timezone == null ? "" : timezone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add("timezone", "“" + zone + "” is not a time zone; use a name such as America/Los_Angeles.");
        }
        String clinicPhone = errors.text("phone", phone, 30, true, "The clinic's phone number");
        if (!clinicPhone.isEmpty() && !clinicPhone.matches("[0-9+()\\-. ]{7,30}")) {
            errors.add("phone", "Enter a phone number with digits, spaces, dashes or brackets, such as 503-555-0142.");
        }
        Integer answers = errors.integer("answersWithinHours", answersWithinHours, 1, MAX_ANSWER_HOURS,
                "Enter a number of hours from 1 to " + MAX_ANSWER_HOURS + ".");
        Integer disengaged = errors.integer("disengagedAfterDays", disengagedAfterDays, 1, 90, "Enter a number of days from 1 to 90.");
        Integer red = errors.integer("redSeverity", redSeverity, 1, MAX_RED_SEVERITY,
                "Enter a severity from 1 to " + MAX_RED_SEVERITY
                        + ": a clinic may stop earlier than the program's rule, never later.");
        Integer amber = errors.integer("amberSeverity", amberSeverity, 0, 10, "Enter a severity from 0 to 10.");
        if (red != null && amber != null && amber >= red) {
            errors.add("amberSeverity", "The amber severity must be below the red one (" + red + ").");
        }
        Integer pain = errors.integer("painRise", painRise, 1, 10, "Enter a rise from 1 to 10.");
        Integer discomfort = errors.integer("discomfortRise", discomfortRise, 1, 10, "Enter a rise from 1 to 10.");
        Integer ambers = errors.integer("ambersForRed", ambersForRed, 1, 10, "Enter a count from 1 to 10.");
        Integer window = errors.integer("amberWindowDays", amberWindowDays, 1, 60, "Enter a number of days from 1 to 60.");
        Integer escalate = errors.integer("escalateAfterHours", escalateAfterHours, 1, MAX_ESCALATION_HOURS,
                "Enter a number of hours from 1 to " + MAX_ESCALATION_HOURS + ": an urgent flag reaches an admin within a day.");
        Integer ackDays = errors.integer("referralAckDays", referralAckDays, 1, 60, "Enter a number of days from 1 to 60.");
        if (!errors.isEmpty()) {
            Map<String, String> form = new HashMap<>();
            form.put("referralAckDays", referralAckDays);
            form.put("name", name);
            form.put("city", city);
            form.put("timezone", timezone);
            form.put("disengagedAfterDays", disengagedAfterDays);
            form.put("redSeverity", redSeverity);
            form.put("amberSeverity", amberSeverity);
            form.put("painRise", painRise);
            form.put("discomfortRise", discomfortRise);
            form.put("ambersForRed", ambersForRed);
            form.put("amberWindowDays", amberWindowDays);
            form.put("escalateAfterHours", escalateAfterHours);
            form.put("alertEmails", alertEmails == null ? "" : "on");
            form.put("phone", phone);
            form.put("answersWithinHours", answersWithinHours);
            return Response.status(400).entity(Templates.settings(form, errors, SUGGESTED_ZONES)).build();
        }
        Clinic clinic = Clinic.findById(currentUser.getClinic().id);
        clinic.name = clinicName;
        clinic.city = clinicCity;
        clinic.timezone = zone;
        clinic.disengagedAfterDays = disengaged;
        clinic.redSeverity = red;
        clinic.amberSeverity = amber;
        clinic.painRise = pain;
        clinic.discomfortRise = discomfort;
        clinic.ambersForRed = ambers;
        clinic.amberWindowDays = window;
        clinic.escalateAfterHours = escalate;
        clinic.alertEmails = alertEmails != null;
        clinic.referralAckDays = ackDays;
        clinic.phone = clinicPhone;
        clinic.answersWithinHours = answers;
        flash("message", "Settings saved. New flags and the dashboard use them from now on.");
        return seeOther("/clinic/settings");
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
