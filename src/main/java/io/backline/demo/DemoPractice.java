package io.backline.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.practice.SessionLog;
import io.backline.program.Assignment;
import io.backline.program.AssignmentEvent;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramVersion;
import io.backline.symptom.AlertOutbox;
import io.backline.symptom.FlagNote;
import io.backline.symptom.FlagReview;
import io.backline.symptom.FlagRules;
import io.backline.symptom.FlagService;
import io.backline.symptom.SymptomFlag;

/**
 * A demo client's program, sessions and flags. The program is assigned and the flags raised through the app's own
 * services, so a red flag pauses the program and queues its alerts exactly as a client's report does; then each row
 * is moved to the day it belongs to, and the alerts are marked sent then, so nothing is emailed at start.
 */
@ApplicationScoped
class DemoPractice {
    private static final int LEVELS = 3;
    private static final int PER_WEEK = 3;
    private static final int HOLD_SECONDS = 90;
    /** The red flag's day, and the days since the disengaged client's last session. */
    private static final int RED_DAYS_AGO = 2;
    private static final int QUIET_DAYS = 17;

    @Inject
    AssignmentService assignments;
    @Inject
    FlagService flags;
    @Inject
    FlagReview reviews;

    DemoClient build(Clinic clinic, ProgramVersion version, Client client, StaffMember trainer, DemoCast.Part part,
            DemoTime time) {
        LocalDate start = time.daysAgo(part.weeks() * 7 - 1);
        Assignment assignment = assign(version, client, trainer, start, time);
        List<SessionLog> sessions = sessions(assignment, part, start, time);
        SymptomFlag flag = switch (part.story()) {
            case SLIPPING -> red(clinic, client, sessions.getLast(), time);
            case ON_TARGET -> amber(clinic, client, trainer, time);
            case DISENGAGED -> null;
        };
        return new DemoClient(client, trainer, part, assignment, flag);
    }

    private Assignment assign(ProgramVersion version, Client client, StaffMember trainer, LocalDate start,
            DemoTime time) {
        var input = new AssignmentService.PrescriptionInput(HOLD_SECONDS, LEVELS, PER_WEEK, start, null,
                "Three times a week, in the morning if you can. Keep every hold easy to breathe through.");
        var outcome = assignments.assign(client, version, input, UUID.randomUUID(), trainer.id, trainer.userId,
                time.today());
        Assignment assignment = ((AssignmentService.Outcome.Created) outcome).assignment();
        Instant assignedAt = time.at(start.minusDays(1), 16, 30);
        assignment.createdAt = assignedAt;
        assignments.currentPrescription(assignment.id).createdAt = assignedAt;
        events(assignment).forEach(event -> event.happenedAt = assignedAt);
        return assignment;
    }

    /** Sessions on the client's three days a week, as the story goes; the last one is the newest. */
    private static List<SessionLog> sessions(Assignment assignment, DemoCast.Part part, LocalDate start, DemoTime time) {
        Random random = new Random(assignment.clientId.getLeastSignificantBits() + part.weeks());
        Set<DayOfWeek> days = part.number() % 2 == 0 ? EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY)
                : EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        LocalDate last = switch (part.story()) {
            case ON_TARGET -> time.daysAgo(1);
            case SLIPPING -> time.daysAgo(RED_DAYS_AGO);
            case DISENGAGED -> time.daysAgo(QUIET_DAYS);
        };
        int totalDays = (int) Duration.between(start.atStartOfDay(), last.atStartOfDay()).toDays() + 1;
        List<SessionLog> sessions = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
            double progress = (double) sessions.size() / Math.max(1, totalDays * PER_WEEK / 7);
            boolean lastDay = day.equals(last) && part.story() == DemoCast.Story.SLIPPING;
            if (lastDay || days.contains(day.getDayOfWeek()) && random.nextDouble() < keep(part.story(), day, last)) {
                sessions.add(session(assignment, day, progress, part.story(), lastDay, random, time));
            }
        }
        return sessions;
    }

    /** How likely a planned session is done: steady, thinning out towards the flag, or steady until it stops. */
    private static double keep(DemoCast.Story story, LocalDate day, LocalDate last) {
        long weeksBefore = Duration.between(day.atStartOfDay(), last.atStartOfDay()).toDays() / 7;
        return switch (story) {
            case ON_TARGET -> 0.95;
            case SLIPPING -> weeksBefore >= 3 ? 0.95 : weeksBefore == 2 ? 0.7 : weeksBefore == 1 ? 0.45 : 0.2;
            case DISENGAGED -> 0.85;
        };
    }

    private static SessionLog session(Assignment assignment, LocalDate day, double progress, DemoCast.Story story,
            boolean flagDay, Random random, DemoTime time) {
        SessionLog session = new SessionLog();
        session.id = UUID.randomUUID();
        session.assignmentId = assignment.id;
        session.clientId = assignment.clientId;
        session.performedOn = day;
        int hold = Math.min(HOLD_SECONDS, 45 + (int) Math.round(45 * Math.min(1, progress * 1.5)));
        session.holdSeconds = new int[] { hold, hold, Math.max(30, hold - 15 * random.nextInt(2)) };
        session.discomfort = switch (story) {
            case ON_TARGET -> 1 + random.nextInt(2);
            case SLIPPING -> flagDay ? 6 : 2 + (int) Math.round(3 * progress) + random.nextInt(2);
            case DISENGAGED -> 2 + random.nextInt(3);
        };
        session.discomfort = Math.min(10, session.discomfort);
        session.feeling = (session.discomfort <= 1 ? SessionLog.Feeling.EASY
                : session.discomfort <= 3 ? SessionLog.Feeling.GOOD
                        : session.discomfort <= 5 ? SessionLog.Feeling.INTENSE : SessionLog.Feeling.HARD).name();
        session.note = flagDay ? "Sharp pain at the middle level, so I stopped."
                : random.nextInt(6) == 0 ? NOTES[random.nextInt(NOTES.length)] : null;
        session.idempotencyKey = UUID.randomUUID();
        session.recordedAt = time.at(day, random.nextBoolean() ? 7 : 18, 10 + random.nextInt(40));
        session.persist();
        return session;
    }

    private static final String[] NOTES = { "Felt looser afterwards.", "Did it before work, easier than yesterday.",
            "Breathing out slowly helps at the top level.", "A bit stiff at first, fine by the end." };

    /** Reported on the flag day's session: red, so the program pauses until a health professional clears it. */
    private SymptomFlag red(Clinic clinic, Client client, SessionLog session, DemoTime time) {
        var input = new FlagService.FlagInput(FlagRules.Type.INCREASED_PAIN, Math.max(8, clinic.redSeverity),
                FlagRules.Region.MIDDLE_THORACIC, FlagRules.When.DURING, Set.of(), OptionalInt.of(2),
                "Sharp pain between my shoulder blades at the middle level. It eased after an hour but is still there.",
                session.id);
        SymptomFlag flag = flags.report(clinic, client, input, client.userId, false, UUID.randomUUID()).flag();
        Instant reportedAt = time.at(session.performedOn, 19, 20);
        flag.reportedAt = reportedAt;
        for (AssignmentEvent event : events(flag.assignmentId)) {
            if (event.kind == AssignmentEvent.Kind.PAUSED) {
                event.happenedAt = reportedAt;
                event.effectiveOn = session.performedOn;
            }
        }
        sent(flag, reportedAt);
        Instant escalation = reportedAt.plus(Duration.ofHours(clinic.escalateAfterHours));
        // Nobody acknowledged it in the clinic's time: the admins were told then, as FlagEscalation does.
        flag.escalatedAt = escalation.isBefore(time.now()) ? escalation : null;
        return flag;
    }

    /** An amber report twelve days ago, which the trainer acknowledged the next morning. */
    private SymptomFlag amber(Clinic clinic, Client client, StaffMember trainer, DemoTime time) {
        var input = new FlagService.FlagInput(FlagRules.Type.INCREASED_PAIN, clinic.amberSeverity,
                FlagRules.Region.UPPER_THORACIC, FlagRules.When.AFTER, Set.of(), OptionalInt.empty(),
                "Sore at the top of my upper back after the first level.", null);
        SymptomFlag flag = flags.report(clinic, client, input, client.userId, false, UUID.randomUUID()).flag();
        Instant reportedAt = time.at(12, 18, 45);
        flag.reportedAt = reportedAt;
        sent(flag, reportedAt);
        reviews.acknowledge(flag, trainer.userId, trainer.fullName,
                "Called to check in. Shorter holds at the first level for a week, then back to the prescription.");
        Instant acknowledgedAt = time.at(11, 8, 40);
        flag.acknowledgedAt = acknowledgedAt;
        FlagNote.<FlagNote> list("flagId", flag.id).forEach(note -> note.writtenAt = acknowledgedAt);
        return flag;
    }

    /** The care team's alerts went out when the flag was raised. */
    private static void sent(SymptomFlag flag, Instant reportedAt) {
        for (AlertOutbox alert : AlertOutbox.<AlertOutbox> list("flagId", flag.id)) {
            alert.createdAt = reportedAt;
            alert.sendAfter = reportedAt;
            alert.sentAt = reportedAt.plusSeconds(30);
        }
    }

    private static List<AssignmentEvent> events(Assignment assignment) {
        return events(assignment.id);
    }

    private static List<AssignmentEvent> events(UUID assignmentId) {
        return AssignmentEvent.list("assignmentId", assignmentId);
    }
}
