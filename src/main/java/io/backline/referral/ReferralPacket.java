package io.backline.referral;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.practice.Adherence;
import io.backline.practice.AdherenceService;
import io.backline.practice.CheckOffService;
import io.backline.practice.SessionLog;
import io.backline.symptom.SymptomFlag;

/**
 * The minimum-necessary packet a provider sees: only the parts the trainer ticked, about this client only. Each
 * part is empty when not shared.
 */
@ApplicationScoped
public class ReferralPacket {
    static final int RECENT_SESSIONS = 10;

    @Inject
    AssignmentService assignments;
    @Inject
    ProgramCatalog catalog;
    @Inject
    AdherenceService adherence;
    @Inject
    CheckOffService checkOffs;

    public record Program(ProgramVersion version, Prescription prescription, Assignment assignment) {
    }

    public record Packet(Optional<Program> program, Optional<Adherence.Report> adherence, List<SessionLog> sessions,
            List<SymptomFlag> flags) {
    }

    public Packet of(Referral referral, ZoneId zone) {
        Optional<Assignment> current = assignments.assignmentsOf(referral.clientId).stream()
                .filter(assignment -> !assignment.isEnded()).findFirst()
                .or(() -> assignments.assignmentsOf(referral.clientId).stream().findFirst());
        Optional<Program> program = referral.shareProgram ? current.map(assignment -> new Program(
                catalog.version(assignment.programVersionId).orElseThrow(),
                assignments.currentPrescription(assignment.id), assignment)) : Optional.empty();
        Optional<Adherence.Report> report = referral.shareAdherence
                ? current.map(assignment -> adherence.report(assignment, zone)) : Optional.empty();
        List<SessionLog> sessions = referral.shareSessions
                ? current.map(assignment -> checkOffs.sessions(assignment.id, RECENT_SESSIONS)).orElse(List.of()) : List.of();
        List<SymptomFlag> flags = referral.shareFlags ? flags(referral) : List.of();
        return new Packet(program, report, sessions, flags);
    }

    /** The flags the referral is about; without any, the client's five most recent. */
    private static List<SymptomFlag> flags(Referral referral) {
        List<SymptomFlag> linked = SymptomFlag.list(
                "id in (select f.key.flagId from ReferralFlag f where f.key.referralId = ?1) order by reportedAt desc", referral.id);
        return linked.isEmpty()
                ? SymptomFlag.find("clientId = ?1 order by reportedAt desc", referral.clientId).page(0, 5).list()
                : linked;
    }
}
