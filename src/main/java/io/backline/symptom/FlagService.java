package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;


import io.backline.config.BacklineConfig;
import io.backline.audit.AuditTrail;
import io.backline.clinic.CareTeamRule;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.practice.SessionLog;
import io.backline.practice.WorseOrUnsafeTicked;
import io.quarkus.panache.common.Parameters;

/**
 * Reporting a symptom: the decision table decides, and in the same transaction the flag is saved, the program is
 * paused when the rules say so, and the alerts are queued in the outbox. A flag can never exist without its alert,
 * and a check-off's "worse or unsafe" tick is a flag from the moment the session is saved.
 */
@ApplicationScoped
public class FlagService {

    @Inject
    BacklineConfig config;
    @Inject
    AssignmentService assignments;

    @Inject
    AuditTrail audit;
    @Inject
    CurrentClinic currentClinic;
    @Inject
    Validator validator;

    /** The report's fields in the form's order, which its messages follow. */
    private static final List<String> FIELDS = List.of("type", "severity", "region", "when", "signs", "painBefore",
            "description", "sessionId", "requestKey");


    /** What the form gave, already checked. */
    public record FlagInput(FlagRules.Type type, int severity, FlagRules.Region region, FlagRules.When when,
            Set<FlagRules.Sign> signs, OptionalInt painBefore, String description, UUID sessionId) {
    }

    /**
     * What is wrong with a report as sent, field by field in the form's order (a sign not listed as "signs"), one
     * message each; empty when it can be saved. The pages and the API show the same messages.
     */
    public Map<String, String> check(FlagForm form) {
        Map<String, String> messages = new LinkedHashMap<>();
        validator.validate(form).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<FlagForm> v) -> FIELDS.indexOf(field(v)))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(violation -> messages.putIfAbsent(field(violation), violation.getMessage()));
        return messages;
    }

    /** The form field a violation is about: a ticked sign's is the list's. */
    private static String field(ConstraintViolation<FlagForm> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    /** What a report did: the flag, and whether it added detail to the check-off's tick rather than starting anew. */
    public record Reported(SymptomFlag flag, boolean detailAdded) {
    }

    /**
     * A report from the form. When it follows a check-off's tick, it adds its detail to the tick's flag, which may rise
     * but never falls below red; otherwise it is a new flag.
     */
    @Transactional
    public Reported report(Clinic clinic, Client client, FlagInput input, UUID reporter, boolean byStaff,
            UUID requestKey) {
        Optional<SymptomFlag> sameForm = SymptomFlag.<SymptomFlag> find("requestKey = ?1 or detailRequestKey = ?1",
                requestKey).firstResultOptional();
        if (sameForm.isPresent()) {
            return new Reported(sameForm.get(), sameForm.get().source == SymptomFlag.Source.CHECK_OFF);
        }
        Optional<SessionLog> session = input.sessionId() == null ? Optional.empty()
                : SessionLog.<SessionLog> find("id = :id and clientId = :c",
                        Parameters.with("id", input.sessionId()).and("c", client.id)).firstResultOptional();
        Optional<SymptomFlag> tick = session.flatMap(s -> SymptomFlag.tickOf(s.id, client.id));
        FlagRules.Decision decision = decide(clinic, client, input, session);
        if (tick.isPresent()) {
            return new Reported(addDetail(tick.get(), clinic, client, input, decision, reporter, requestKey), true);
        }
        SymptomFlag flag = newFlag(client, byStaff ? SymptomFlag.Source.STAFF : SymptomFlag.Source.FORM, input,
                decision, reporter, requestKey);
        flag.sessionId = session.map(s -> s.id).orElse(null);
        return new Reported(raise(flag, clinic, client, decision, reporter), false);
    }

    /** The check-off's tick is a report: at least red, so the program pauses and the care team is alerted now. */
    void onWorseOrUnsafe(@Observes WorseOrUnsafeTicked ticked) {
        SessionLog session = ticked.session();
        if (SymptomFlag.tickOf(session.id, session.clientId).isPresent()) {
            return; // a same-day correction that ticks again: the first tick's flag stands
        }
        Clinic clinic = Clinic.findById(currentClinic.requireId()); // the new session's tenant id is set at flush
        Client client = Client.findById(session.clientId);
        FlagInput input = new FlagInput(FlagRules.Type.WORSE_OR_UNSAFE, session.discomfort, FlagRules.Region.NOT_GIVEN,
                FlagRules.When.DURING, Set.of(), OptionalInt.empty(), null, session.id);
        FlagRules.Decision decision = decide(clinic, client, input, Optional.of(session));
        SymptomFlag flag = newFlag(client, SymptomFlag.Source.CHECK_OFF, input, decision, client.userId,
                UUID.randomUUID());
        flag.sessionId = session.id;
        raise(flag, clinic, client, decision, client.userId);
        audit.record(client.id, "reported symptom", flag.level.name() + " (check-off)");
    }

    private FlagRules.Decision decide(Clinic clinic, Client client, FlagInput input, Optional<SessionLog> session) {
        OptionalInt thisDiscomfort = session.map(s -> OptionalInt.of(s.discomfort)).orElse(OptionalInt.empty());
        OptionalInt previousDiscomfort = OptionalInt.empty();
        if (session.isPresent()) {
            Optional<SessionLog> previous = SessionLog.<SessionLog> find(
                    "assignmentId = :a and performedOn < :d order by performedOn desc",
                    Parameters.with("a", session.get().assignmentId).and("d", session.get().performedOn))
                    .firstResultOptional();
            previousDiscomfort = previous.map(p -> OptionalInt.of(p.discomfort)).orElse(OptionalInt.empty());
        }
        FlagRules.Thresholds thresholds = thresholds(clinic);
        int ambers = (int) SymptomFlag.count("clientId = :c and level = :amber and reportedAt > :since",
                Parameters.with("c", client.id).and("amber", FlagRules.Level.AMBER)
                        .and("since", Instant.now().minus(Duration.ofDays(thresholds.amberWindowDays()))));
        return FlagRules.decide(new FlagRules.Report(input.type(), input.severity(), input.region(), input.when(),
                input.signs(), input.painBefore(), previousDiscomfort, thisDiscomfort, ambers), thresholds);
    }

    private static SymptomFlag newFlag(Client client, SymptomFlag.Source source, FlagInput input,
            FlagRules.Decision decision, UUID reporter, UUID requestKey) {
        SymptomFlag flag = new SymptomFlag();
        flag.id = UUID.randomUUID();
        flag.clientId = client.id;
        flag.source = source;
        describe(flag, input, decision);
        flag.status = SymptomFlag.Status.OPEN;
        flag.reportedBy = reporter;
        flag.reportedByStaff = source == SymptomFlag.Source.STAFF;
        flag.requestKey = requestKey;
        flag.reportedAt = Instant.now();
        return flag;
    }

    private static void describe(SymptomFlag flag, FlagInput input, FlagRules.Decision decision) {
        flag.type = input.type();
        flag.severity = input.severity();
        flag.region = input.region();
        flag.occurred = input.when();
        flag.signs = input.signs().stream().sorted().map(Enum::name).toArray(String[]::new);
        flag.lossOfBalance = input.signs().contains(FlagRules.Sign.LOSS_OF_BALANCE);
        flag.painBefore = input.painBefore().isPresent() ? input.painBefore().getAsInt() : null;
        flag.description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
        flag.level = decision.level();
        flag.seePhysician = decision.seePhysician();
        flag.explanation = truncate(decision.explanation(), 1000);
    }

    /** Saves a new flag, pauses the program when the level says so, and queues the care team's alerts. */
    private SymptomFlag raise(SymptomFlag flag, Clinic clinic, Client client, FlagRules.Decision decision,
            UUID reporter) {
        Optional<Assignment> open = assignments.assignmentsOf(client.id).stream().filter(a -> !a.isEnded()).findFirst();
        flag.assignmentId = open.map(a -> a.id).orElse(null);
        if (decision.level().pausesProgram() && open.isPresent() && open.get().isActive()) {
            assignments.pause(open.get(), "Paused by the safety rules: " + truncate(decision.explanation(), 400),
                    reporter, LocalDate.now(Clinic.zoneOf(clinic)));
            flag.pausedAssignment = true;
        }
        flag.persist();
        alert(flag, clinic, client);
        return flag;
    }

    private void alert(SymptomFlag flag, Clinic clinic, Client client) {
        if (flag.level.alertsTrainer() && clinic.alertEmails) {
            AlertOutbox.Urgency urgency = flag.isUrgent() ? AlertOutbox.Urgency.URGENT : AlertOutbox.Urgency.NORMAL;
            Instant sendAfter = flag.isUrgent() ? Instant.now() : Instant.now().plus(config.alerts().amberBatch());
            for (String email : careTeamEmails(client.id)) {
                queue(flag, email, urgency, flag.isUrgent() ? sendAfter : batchedWith(email, sendAfter));
            }
        }
    }

    /** The follow-up form's detail on a tick's flag: the level may rise (to emergency, alerting again), never fall. */
    private SymptomFlag addDetail(SymptomFlag flag, Clinic clinic, Client client, FlagInput input,
            FlagRules.Decision decision, UUID reporter, UUID requestKey) {
        FlagRules.Level before = flag.level;
        FlagRules.Level level = decision.level().atLeast(FlagRules.Level.RED).atLeast(before);
        String reasons = decision.level().pausesProgram() ? decision.explanation() : "";
        describe(flag, input, decision);
        flag.level = level;
        flag.explanation = truncate(("Reported at check-off as worse or unsafe, so at least red. " + reasons).strip(),
                1000);
        flag.detailedAt = Instant.now();
        flag.detailRequestKey = requestKey;
        if (flag.status == SymptomFlag.Status.RESOLVED) {
            flag.status = SymptomFlag.Status.OPEN; // new detail is something to look at again
        }
        FlagNote note = FlagReview.newNote(flag, reporter, client.fullName, "detail added",
                before == level ? null : "Raised from " + before.label.toLowerCase() + " to " + level.label.toLowerCase());
        note.persist();
        if (level == FlagRules.Level.EMERGENCY && before != FlagRules.Level.EMERGENCY) {
            alert(flag, clinic, client);
        }
        if (!flag.pausedAssignment) {
            Optional<Assignment> open = assignments.assignmentsOf(client.id).stream().filter(Assignment::isActive)
                    .findFirst();
            open.ifPresent(a -> {
                assignments.pause(a, "Paused by the safety rules: " + truncate(flag.explanation, 400), reporter,
                        LocalDate.now(Clinic.zoneOf(clinic)));
                flag.pausedAssignment = true;
            });
        }
        return flag;
    }

    /** An amber joins the trainer's amber alert already waiting, so they arrive as one email. */
    static Instant batchedWith(String email, Instant otherwise) {
        return AlertOutbox.<AlertOutbox> find("recipientEmail = :e and urgency = :normal and sentAt is null order by sendAfter",
                Parameters.with("e", email).and("normal", AlertOutbox.Urgency.NORMAL)).firstResultOptional()
                .map(waiting -> waiting.sendAfter).orElse(otherwise);
    }

    public static FlagRules.Thresholds thresholds(Clinic clinic) {
        return new FlagRules.Thresholds(clinic.redSeverity, clinic.amberSeverity, clinic.painRise,
                clinic.discomfortRise, clinic.ambersForRed, clinic.amberWindowDays);
    }

    List<String> careTeamEmails(UUID clientId) {
        return StaffMember.<StaffMember> find("from StaffMember s where s.active and "
                + CareTeamRule.onCareTeamHql(":c", "s.id"),
                Parameters.with("c", clientId)).stream().map(s -> s.email).toList();
    }

    static void queue(SymptomFlag flag, String email, AlertOutbox.Urgency urgency, Instant sendAfter) {
        AlertOutbox alert = new AlertOutbox();
        alert.id = UUID.randomUUID();
        alert.flagId = flag.id;
        alert.recipientEmail = email;
        alert.urgency = urgency;
        alert.sendAfter = sendAfter;
        alert.createdAt = Instant.now();
        alert.persist();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
