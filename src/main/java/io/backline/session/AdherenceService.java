package io.backline.session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backline.program.Assignment;
import io.backline.program.AssignmentEvent;
import io.backline.program.Prescription;
import io.quarkus.panache.common.Parameters;

/**
 * Turns an assignment's prescriptions, pauses and sessions into {@link Adherence} figures. Loads in bulk, so a
 * dashboard of many clients costs the same few queries as one.
 */
@ApplicationScoped
public class AdherenceService {

    public Adherence.Report report(Assignment assignment, ZoneId zone) {
        return reports(List.of(assignment), zone).get(assignment.id);
    }

    public Map<UUID, Adherence.Report> reports(Collection<Assignment> assignments, ZoneId zone) {
        if (assignments.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = assignments.stream().map(a -> a.id).toList();
        Map<UUID, List<Prescription>> prescriptions = Prescription.<Prescription> list("assignmentId in :ids",
                Parameters.with("ids", ids)).stream().collect(Collectors.groupingBy(p -> p.assignmentId));
        Map<UUID, List<AssignmentEvent>> events = AssignmentEvent.<AssignmentEvent> list("assignmentId in :ids",
                Parameters.with("ids", ids)).stream().collect(Collectors.groupingBy(e -> e.assignmentId));
        Map<UUID, List<LocalDate>> days = SessionLog.getEntityManager()
                .createQuery("select s.assignmentId, s.performedOn from SessionLog s where s.assignmentId in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0],
                        Collectors.mapping(row -> (LocalDate) row[1], Collectors.toList())));
        LocalDate today = LocalDate.now(zone);
        return assignments.stream().collect(Collectors.toMap(a -> a.id,
                a -> Adherence.of(activePeriods(prescriptions.getOrDefault(a.id, List.of()),
                        events.getOrDefault(a.id, List.of()), today, zone),
                        days.getOrDefault(a.id, List.of()), today)));
    }

    /**
     * The days the program was running, at the weekly target in force on each: from the first prescription's start
     * to its end (or the day it was ended, or today), minus paused stretches. A changed prescription applies from
     * the day it was changed.
     */
    static List<Adherence.ActivePeriod> activePeriods(List<Prescription> prescriptions, List<AssignmentEvent> events,
            LocalDate today, ZoneId zone) {
        if (prescriptions.isEmpty()) {
            return List.of();
        }
        List<Prescription> versions = prescriptions.stream().sorted(Comparator.comparingInt(p -> p.version)).toList();
        Prescription latest = versions.get(versions.size() - 1);
        LocalDate last = today;
        if (latest.endDate != null && latest.endDate.isBefore(last)) {
            last = latest.endDate;
        }
        List<AssignmentEvent> ordered = events.stream().sorted(Comparator.comparing(e -> e.happenedAt)).toList();
        for (AssignmentEvent event : ordered) {
            if (event.kind == AssignmentEvent.Kind.ENDED && event.effectiveOn.minusDays(1).isBefore(last)) {
                last = event.effectiveOn.minusDays(1);
            }
        }
        List<Adherence.ActivePeriod> periods = new ArrayList<>();
        LocalDate runStart = null;
        int runTarget = 0;
        for (LocalDate day = versions.get(0).startDate; !day.isAfter(last); day = day.plusDays(1)) {
            boolean active = !pausedOn(day, ordered);
            int target = targetOn(day, versions, zone);
            if (active && runStart != null && target == runTarget) {
                continue;
            }
            if (runStart != null) {
                periods.add(new Adherence.ActivePeriod(runStart, day.minusDays(1), runTarget));
                runStart = null;
            }
            if (active) {
                runStart = day;
                runTarget = target;
            }
        }
        if (runStart != null) {
            periods.add(new Adherence.ActivePeriod(runStart, last, runTarget));
        }
        return periods;
    }

    private static boolean pausedOn(LocalDate day, List<AssignmentEvent> ordered) {
        boolean paused = false;
        for (AssignmentEvent event : ordered) {
            if (event.effectiveOn.isAfter(day)) {
                break;
            }
            if (event.kind == AssignmentEvent.Kind.PAUSED) {
                paused = true;
            } else if (event.kind == AssignmentEvent.Kind.RESUMED) {
                // Resumed on this very day: the day counts again.
                paused = false;
            }
        }
        return paused;
    }

    private static int targetOn(LocalDate day, List<Prescription> versions, ZoneId zone) {
        int target = versions.get(0).sessionsPerWeek;
        for (Prescription version : versions.subList(1, versions.size())) {
            if (!Adherence.dayOf(version.createdAt, zone).isAfter(day)) {
                target = version.sessionsPerWeek;
            }
        }
        return target;
    }
}
