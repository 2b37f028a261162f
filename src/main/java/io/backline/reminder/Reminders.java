package io.backline.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.backline.clinic.CurrentUser;
import io.backline.notification.NotificationService;
import io.backline.program.AssignmentService;
import io.backline.web.Responses;
import io.backline.web.form.SubmittedForm;
import io.backline.web.i18n.Texts;
import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The client's reminder settings: which days, what time, quiet hours, email on or off. */
@Path("/today/reminders")
@RolesAllowed(CurrentUser.CLIENT)
public class Reminders extends Controller {
    private static final String DEFAULT_TIME = "18:00";

    @Inject
    CurrentUser currentUser;
    @Inject
    AssignmentService assignments;
    @Inject
    SubmittedForm submitted;
    @Inject
    NotificationService notifications;

    /** A day's checkbox: its value, its label, and whether it is ticked. */
    public record DayChoice(String value, String label, boolean checked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Map<String, String> form, List<DayChoice> days, boolean saved,
                boolean notificationEmailOn);
    }

    @GET
    @Path("")
    public TemplateInstance edit() {
        UUID clientId = clientId();
        ReminderSettings settings = ReminderSettings.findById(clientId);
        Map<String, String> form = new HashMap<>();
        Set<DayOfWeek> days;
        if (settings == null) {
            int perWeek = assignments.clientPlan(clientId).map(AssignmentService.ClientPlan::prescription)
                    .map(p -> p.sessionsPerWeek).orElse(3);
            days = ReminderSettings.suggestedDays(perWeek);
            form.put("time", DEFAULT_TIME);
            form.put("emailOn", "on");
        } else {
            days = settings.daySet();
            form.put("time", settings.remindAt.toString());
            form.put("quietFrom", settings.quietFrom == null ? "" : settings.quietFrom.toString());
            form.put("quietUntil", settings.quietUntil == null ? "" : settings.quietUntil.toString());
            form.put("emailOn", settings.emailOn ? "on" : "");
        }
        return Templates.edit(form, choices(days.stream().map(DayOfWeek::name).toList()), settings != null,
                notifications.emailOn(clientId));
    }

    @POST
    @Path("")
    @Transactional
    public Response save(@BeanParam @Valid ReminderForm typed) {
        UUID clientId = clientId();
        for (String unknown : typed.unknownDays()) {
            validation.addError("days", Texts.get("reminders.unknownDay", unknown.strip()));
        }
        if (!validation.hasError("days") && typed.dayset().isEmpty() && typed.emailOn() != null) {
            validation.addError("days", Texts.get("reminders.noDay"));
        }
        if (!validation.hasError("quietFrom") && !validation.hasError("quietUntil") && typed.quietHalfSet()) {
            validation.addError("quietUntil", Texts.get("reminders.quietHalf"));
        }
        if (!validation.hasErrors() && typed.timeInQuietHours()) {
            validation.addError("time", Texts.get("reminders.inQuietHours"));
        }
        if (validation.hasErrors()) {
            return Response.status(400).entity(Templates.edit(submitted.values(), choices(typed.typedDays()), false,
                    notifications.emailOn(clientId))).build();
        }
        ReminderSettings settings = ReminderSettings.findById(clientId);
        if (settings == null) {
            settings = new ReminderSettings();
            settings.clientId = clientId;
        }
        settings.days = ReminderSettings.daysText(typed.dayset());
        settings.remindAt = ReminderForm.time(typed.time());
        settings.quietFrom = ReminderForm.time(typed.quietFrom());
        settings.quietUntil = ReminderForm.time(typed.quietUntil());
        settings.emailOn = typed.emailOn() != null;
        settings.updatedAt = Instant.now();
        settings.persist();
        flash("message", Texts.get(settings.emailOn ? "reminders.saved" : "reminders.off"));
        return Responses.of(redirect(Reminders.class).edit());
    }

    /** The emails about the care team's updates (notifications), on or off; the ones in the app stay either way. */
    @POST
    @Path("notifications")
    public Response notificationEmail(@RestForm boolean on) {
        notifications.setEmail(clientId(), on);
        flash("message", Texts.get(on ? "updates.turnedOn" : "updates.turnedOff"));
        return Responses.of(redirect(Reminders.class).edit());
    }

    private static List<DayChoice> choices(List<String> ticked) {
        return Arrays.stream(DayOfWeek.values()).map(day -> new DayChoice(day.name(),
                io.backline.web.i18n.Dates.dayName(day, io.backline.web.i18n.Languages.current()),
                ticked.stream().anyMatch(typed -> typed.strip().equalsIgnoreCase(day.name())))).toList();
    }

    private UUID clientId() {
        return currentUser.clientId().orElseThrow(NotFoundException::new);
    }
}
