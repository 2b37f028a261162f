package io.backline.reminder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.jobs.Claim;
import io.backline.jobs.EveryClinic;
import io.backline.people.Client;
import io.backline.practice.Adherence;
import io.backline.practice.AdherenceService;
import io.backline.program.AssignmentService;
import io.backline.schema.SchemaPending;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;

/**
 * Decides, once a day per client, at the client's time of day in the clinic's zone, whether a reminder is due: a
 * chosen day, an active program, no session yet today and the week not yet on target. A week that ended below target
 * gets one nudge. Settings rows are claimed with SKIP LOCKED, and the outbox holds one row per client, kind and day,
 * so several instances never write the same reminder twice.
 */
@ApplicationScoped
public class ReminderPlanner {
    private static final int BATCH = 5000;

    @Inject
    Clock clock;
    @Inject
    EveryClinic everyClinic;
    @Inject
    AssignmentService assignments;
    @Inject
    AdherenceService adherence;
    @Inject
    ReminderSender sender;

    @Scheduled(every = "${backline.reminders.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s", skipExecutionIf = SchemaPending.class)
    void planDue() {
        everyClinic.runWhereDue("Reminder planning", "select distinct clinic_id from reminder_settings where email_on",
                this::planForClinic);
        // What was just planned goes now, not at the sender's next run.
        sender.sendDue();
    }

    void planForClinic(Clinic clinic) {
        ZoneId zone = Clinic.zoneOf(clinic);
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        List<ReminderSettings> due = Claim.first(BATCH, ReminderSettings.<ReminderSettings> find(
                "emailOn = true and remindAt <= :time and (lastPlannedOn is null or lastPlannedOn < :today)",
                Parameters.with("time", now.toLocalTime()).and("today", today)));
        for (ReminderSettings settings : due) {
            if (settings.quietAt(now.toLocalTime())) {
                continue; // looked at again once the quiet hours end
            }
            settings.lastPlannedOn = today;
            plan(settings, zone, today);
        }
    }

    private void plan(ReminderSettings settings, ZoneId zone, LocalDate today) {
        Optional<AssignmentService.ClientPlan> found = assignments.clientPlan(settings.clientId);
        if (found.isEmpty() || found.get().assignment() == null || !found.get().assignment().isActive()
                || found.get().prescription() == null) {
            return; // paused or ended programs send nothing
        }
        Client client = found.get().client();
        if (client.email == null || client.email.isBlank() || !client.active || client.erasedAt != null) {
            return;
        }
        Adherence.Report report = adherence.report(found.get().assignment(), zone, today);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = monday.minusWeeks(1);
        report.weeks().stream().filter(week -> week.monday().equals(lastMonday)).findFirst()
                .filter(week -> week.prescribed() > 0 && week.done() < week.prescribed())
                .filter(week -> !lastMonday.equals(settings.lastNudgedWeek)).ifPresent(week -> {
                    settings.lastNudgedWeek = lastMonday;
                    queue(client, ReminderOutbox.Kind.MISSED_WEEK, lastMonday);
                });
        if (!settings.daySet().contains(today.getDayOfWeek())
                || report.lastSession().filter(today::equals).isPresent()) {
            return;
        }
        boolean weekOpen = report.weeks().stream().filter(week -> week.monday().equals(monday)).findFirst()
                .map(week -> week.done() < week.prescribed()).orElse(false);
        if (weekOpen) {
            queue(client, ReminderOutbox.Kind.SESSION, today);
        }
    }

    private void queue(Client client, ReminderOutbox.Kind kind, LocalDate dueOn) {
        ReminderOutbox email = new ReminderOutbox();
        email.id = UUID.randomUUID();
        email.clientId = client.id;
        email.kind = kind;
        email.dueOn = dueOn;
        email.recipientEmail = client.email;
        email.sendAfter = clock.instant();
        email.createdAt = clock.instant();
        email.persist();
    }
}
