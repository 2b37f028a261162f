package io.backline.symptom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.backline.clinic.Clinic;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.session.SessionLog;
import io.quarkus.panache.common.Parameters;

/**
 * Reporting a symptom: the decision table decides, and in the same transaction the flag is saved, the program is
 * paused when the rules say so, and the alerts are queued in the outbox. A flag can never exist without its alert.
 */
@ApplicationScoped
public class FlagService {

    @Inject
    AssignmentService assignments;

    @ConfigProperty(name = "backline.alerts.amber-batch")
    Duration amberBatch;

    /** What the form gave, already checked. */
    public record FlagInput(FlagRules.Type type, int severity, FlagRules.Region region, FlagRules.When when,
            boolean lossOfBalance, OptionalInt painBefore, String description, UUID sessionId) {
    }

    @Transactional
    public SymptomFlag report(Clinic clinic, Client client, FlagInput input, UUID reporter, boolean byStaff,
            UUID requestKey) {
        Optional<SymptomFlag> sameForm = SymptomFlag.find("requestKey", requestKey).firstResultOptional();
        if (sameForm.isPresent()) {
            return sameForm.get();
        }
        Optional<Assignment> open = assignments.assignmentsOf(client.id).stream().filter(a -> !a.isEnded()).findFirst();
        Optional<SessionLog> session = input.sessionId() == null ? Optional.empty()
                : SessionLog.<SessionLog> find("id = :id and clientId = :c",
                        Parameters.with("id", input.sessionId()).and("c", client.id)).firstResultOptional();
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

        FlagRules.Decision decision = FlagRules.decide(new FlagRules.Report(input.type(), input.severity(),
                input.region(), input.when(), input.lossOfBalance(), input.painBefore(), previousDiscomfort,
                thisDiscomfort, ambers), thresholds);

        SymptomFlag flag = new SymptomFlag();
        flag.id = UUID.randomUUID();
        flag.clientId = client.id;
        flag.assignmentId = open.map(a -> a.id).orElse(null);
        flag.sessionId = session.map(s -> s.id).orElse(null);
        flag.type = input.type();
        flag.severity = input.severity();
        flag.region = input.region();
        flag.occurred = input.when();
        flag.lossOfBalance = input.lossOfBalance();
        flag.painBefore = input.painBefore().isPresent() ? input.painBefore().getAsInt() : null;
        flag.description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        flag.level = decision.level();
        flag.explanation = truncate(decision.explanation(), 1000);
        flag.status = SymptomFlag.Status.OPEN;
        flag.reportedBy = reporter;
        flag.reportedByStaff = byStaff;
        flag.requestKey = requestKey;
        flag.reportedAt = Instant.now();
        if (decision.level().pausesProgram() && open.isPresent() && open.get().isActive()) {
            assignments.pause(open.get(), "Paused by the safety rules: " + truncate(decision.explanation(), 400),
                    reporter, LocalDate.now(Clinic.zoneOf(clinic)));
            flag.pausedAssignment = true;
        }
        flag.persist();
        if (decision.level().alertsTrainer() && clinic.alertEmails) {
            AlertOutbox.Urgency urgency = flag.isUrgent() ? AlertOutbox.Urgency.URGENT : AlertOutbox.Urgency.NORMAL;
            Instant sendAfter = flag.isUrgent() ? Instant.now() : Instant.now().plus(amberBatch);
            for (String email : careTeamEmails(client.id)) {
                queue(flag, email, urgency, flag.isUrgent() ? sendAfter : batchedWith(email, sendAfter));
            }
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
        return StaffMember.<StaffMember> find("""
                from StaffMember s where s.active and exists (
                    from io.backline.people.CareTeamMember m where m.key.clientId = :c and m.key.staffMemberId = s.id)""",
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
