package io.backline.practice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.backline.config.BacklineConfig;
import io.backline.program.Assignment;
import io.backline.program.AssignmentEvent;
import io.backline.program.Prescription;

/**
 * Turns an assignment's prescriptions, pauses and sessions into {@link Adherence} figures. One statement reads all
 * three for any number of assignments, so a dashboard of many clients costs the same as one; figures already
 * computed from the same history, on the same day, are reused without reading it again.
 */
@ApplicationScoped
public class AdherenceService {
    /** The prescription facts adherence depends on. */
    record Term(int version, LocalDate startDate, LocalDate endDate, int sessionsPerWeek, Instant createdAt) {
    }

    /** A pause, resumption or end, as the calendar day it took effect. */
    record Change(AssignmentEvent.Kind kind, LocalDate effectiveOn, Instant happenedAt) {
    }

    /*
     * A report depends on nothing but the assignment's three histories, today's date and the clinic's zone. Any change
     * to those histories raises the assignment's history version in the same transaction (V11's and V13's triggers),
     * whoever writes it. So a report found under the current version is exactly what reading the histories again
     * would give, on any instance.
     */
    record ReportKey(UUID assignmentId, long historyVersion, LocalDate today, ZoneId zone) {
    }

    @Inject
    BacklineConfig config;
    @Inject
    AdherenceQuery query;

    private Cache<ReportKey, Adherence.Report> computed;

    @PostConstruct
    void keepReports() {
        // Bounded and short-lived: a report is a few kilobytes, and one nobody looks at for an hour is not kept.
        computed = Caffeine.newBuilder().maximumSize(config.adherence().keptReports()).expireAfterAccess(Duration.ofHours(1)).build();
    }

    public Adherence.Report report(Assignment assignment, ZoneId zone) {
        return report(assignment, zone, LocalDate.now(zone));
    }

    /** As of a given day: the jobs pass theirs, read from the clock tests set (jobs/Clocks). */
    public Adherence.Report report(Assignment assignment, ZoneId zone, LocalDate today) {
        return reports(versionsOf(List.of(assignment)), zone, today, this::read).get(assignment.id);
    }

    public Map<UUID, Adherence.Report> reports(Collection<Assignment> assignments, ZoneId zone) {
        return reports(versionsOf(assignments), zone, this::read);
    }

    /** An assignment as far as its figures go: which one, and how far its histories have changed. */
    public record Versioned(UUID assignmentId, long historyVersion) {
    }

    /** For callers that read only these two values of each assignment (the dashboard's caseload). */
    public Map<UUID, Adherence.Report> reportsOf(Collection<Versioned> assignments, ZoneId zone) {
        return reports(assignments, zone, this::read);
    }

    private static List<Versioned> versionsOf(Collection<Assignment> assignments) {
        return assignments.stream().map(a -> new Versioned(a.id, a.historyVersion)).toList();
    }

    /**
     * Figures from histories the caller already read with its own statement (the client page reads all it shows at
     * once), used only where no figures were computed from the same history before. Prescriptions and events by
     * assignment; session days as days since 1970-01-01, oldest first.
     */
    public Map<UUID, Adherence.Report> reports(Collection<Assignment> assignments, ZoneId zone,
            Map<UUID, List<Prescription>> prescriptions, Map<UUID, List<AssignmentEvent>> events,
            Map<UUID, int[]> sessionDays) {
        return reports(versionsOf(assignments), zone, missing -> History.of(prescriptions, events, sessionDays));
    }

    private Map<UUID, Adherence.Report> reports(Collection<Versioned> assignments, ZoneId zone,
            Function<Collection<UUID>, History> reader) {
        return reports(assignments, zone, LocalDate.now(zone), reader);
    }

    private Map<UUID, Adherence.Report> reports(Collection<Versioned> assignments, ZoneId zone, LocalDate today,
            Function<Collection<UUID>, History> reader) {
        if (assignments.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Adherence.Report> reports = new HashMap<>();
        Map<UUID, ReportKey> toCompute = new HashMap<>();
        for (Versioned assignment : assignments) {
            ReportKey key = new ReportKey(assignment.assignmentId(), assignment.historyVersion(), today, zone);
            Adherence.Report known = computed.getIfPresent(key);
            if (known != null) {
                reports.put(assignment.assignmentId(), known);
            } else {
                toCompute.put(assignment.assignmentId(), key);
            }
        }
        if (toCompute.isEmpty()) {
            return reports;
        }
        History history = reader.apply(toCompute.keySet());
        toCompute.forEach((id, key) -> {
            Adherence.Report report = Adherence.of(activePeriods(history.terms().getOrDefault(id, List.of()),
                    history.changes().getOrDefault(id, List.of()), today, zone),
                    history.days().getOrDefault(id, List.of()), today);
            computed.put(key, report);
            reports.put(id, report);
        });
        return reports;
    }

    private record History(Map<UUID, List<Term>> terms, Map<UUID, List<Change>> changes,
            Map<UUID, List<LocalDate>> days) {

        static History of(Map<UUID, List<Prescription>> prescriptions, Map<UUID, List<AssignmentEvent>> events,
                Map<UUID, int[]> sessionDays) {
            History history = new History(new HashMap<>(), new HashMap<>(), new HashMap<>());
            prescriptions.forEach((id, list) -> history.terms().put(id, list.stream()
                    .map(p -> new Term(p.version, p.startDate, p.endDate, p.sessionsPerWeek, toMillis(p.createdAt))).toList()));
            events.forEach((id, list) -> history.changes().put(id, list.stream()
                    .map(e -> new Change(e.kind, e.effectiveOn, toMillis(e.happenedAt))).toList()));
            sessionDays.forEach((id, days) -> history.days().put(id,
                    Arrays.stream(days).mapToObj(LocalDate::ofEpochDay).toList()));
            return history;
        }

        /** Rounded to the millisecond as AdherenceQuery's cast rounds: both readings cache their figures under one key. */
        private static Instant toMillis(Instant instant) {
            long millis = instant.toEpochMilli() + (instant.getNano() % 1_000_000 >= 500_000 ? 1 : 0);
            return Instant.ofEpochMilli(millis);
        }
    }

    private History read(Collection<UUID> assignmentIds) {
        History history = new History(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (AdherenceQuery.Row row : query.history(assignmentIds)) {
            UUID assignmentId = row.assignmentId();
            LocalDate day = LocalDate.ofEpochDay(row.day());
            switch (row.kind()) {
                case "SESSION" -> history.days().computeIfAbsent(assignmentId, id -> new ArrayList<>()).add(day);
                case "PRESCRIPTION" -> history.terms().computeIfAbsent(assignmentId, id -> new ArrayList<>()).add(new Term(
                        row.version(), day, row.until() == null ? null : LocalDate.ofEpochDay(row.until()),
                        row.perWeek(), Instant.ofEpochMilli(row.atMillis())));
                default -> history.changes().computeIfAbsent(assignmentId, id -> new ArrayList<>()).add(new Change(
                        AssignmentEvent.Kind.valueOf(row.kind()), day, Instant.ofEpochMilli(row.atMillis())));
            }
        }
        return history;
    }

    /**
     * The days the program was running, at the weekly target in force on each: from the first prescription's start
     * to its end (or the day it was ended, or today), minus paused stretches. A changed prescription applies from
     * the day it was changed.
     */
    static List<Adherence.ActivePeriod> activePeriods(List<Term> prescriptions, List<Change> events,
            LocalDate today, ZoneId zone) {
        if (prescriptions.isEmpty()) {
            return List.of();
        }
        List<Term> versions = prescriptions.stream().sorted(Comparator.comparingInt(Term::version)).toList();
        Term latest = versions.get(versions.size() - 1);
        LocalDate last = today;
        if (latest.endDate() != null && latest.endDate().isBefore(last)) {
            last = latest.endDate();
        }
        List<Change> ordered = events.stream().sorted(Comparator.comparing(Change::happenedAt)).toList();
        for (Change event : ordered) {
            if (event.kind() == AssignmentEvent.Kind.ENDED && event.effectiveOn().minusDays(1).isBefore(last)) {
                last = event.effectiveOn().minusDays(1);
            }
        }
        // The calendar day each version took effect, computed once rather than for every day of the program.
        List<LocalDate> changedOn = versions.stream().map(v -> Adherence.dayOf(v.createdAt(), zone)).toList();
        List<Adherence.ActivePeriod> periods = new ArrayList<>();
        LocalDate runStart = null;
        int runTarget = 0;
        for (LocalDate day = versions.get(0).startDate(); !day.isAfter(last); day = day.plusDays(1)) {
            boolean active = !pausedOn(day, ordered);
            int target = targetOn(day, versions, changedOn);
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

    private static boolean pausedOn(LocalDate day, List<Change> ordered) {
        boolean paused = false;
        for (Change event : ordered) {
            if (event.effectiveOn().isAfter(day)) {
                break;
            }
            if (event.kind() == AssignmentEvent.Kind.PAUSED) {
                paused = true;
            } else if (event.kind() == AssignmentEvent.Kind.RESUMED) {
                // Resumed on this very day: the day counts again.
                paused = false;
            }
        }
        return paused;
    }

    private static int targetOn(LocalDate day, List<Term> versions, List<LocalDate> changedOn) {
        int target = versions.get(0).sessionsPerWeek();
        for (int i = 1; i < versions.size(); i++) {
            if (!changedOn.get(i).isAfter(day)) {
                target = versions.get(i).sessionsPerWeek();
            }
        }
        return target;
    }
}
