package io.backline.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backline.practice.AdherenceService;
import io.backline.practice.CheckOffService;
import io.backline.practice.SessionLog;
import io.backline.program.Assignment;
import io.backline.program.AssignmentService;
import io.backline.program.Prescription;
import io.backline.program.ProgramCatalog;
import io.backline.program.ProgramVersion;
import io.backline.symptom.SymptomFlag;

/**
 * The minimum-necessary packet a provider sees: only the parts the trainer ticked, about this client only. Each
 * part is empty when not shared. It holds values, not entities, so that the packet sent can be kept as it was
 * ({@link ReferralSnapshot}) and shown later exactly so.
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
    @Inject
    ObjectMapper json;

    /** Null parts were not shared (or there was nothing to share). */
    public record Packet(SharedProgram program, SharedAdherence adherence, List<SharedSession> sessions, List<SharedFlag> flags) {
    }

    public record SharedProgram(String title, int version, int holdSeconds, int levels, int sessionsPerWeek,
            LocalDate startDate, LocalDate endDate, String status) {
    }

    public record SharedAdherence(int percent, int done, int prescribed, LocalDate lastSession) {
    }

    public record SharedSession(LocalDate performedOn, List<Integer> holdSeconds, int discomfort, String feeling) {
    }

    public record SharedFlag(Instant reportedAt, String type, int severity, String region, String level, String description) {
    }

    /** The packet as the client's records are now. */
    public Packet of(Referral referral, ZoneId zone) {
        return asOf(referral, zone, Instant.now());
    }

    /**
     * The packet with only the sessions and flags recorded by the given moment (a referral sent before packets were
     * kept is frozen as of its sending; its adherence figure is today's, the one part that cannot be rewound).
     */
    Packet asOf(Referral referral, ZoneId zone, Instant moment) {
        Optional<Assignment> current = assignments.assignmentsOf(referral.clientId).stream()
                .filter(assignment -> !assignment.isEnded()).findFirst()
                .or(() -> assignments.assignmentsOf(referral.clientId).stream().findFirst());
        SharedProgram program = referral.shareProgram ? current.map(this::program).orElse(null) : null;
        SharedAdherence report = referral.shareAdherence ? current.map(assignment -> adherence.report(assignment, zone))
                .map(a -> new SharedAdherence(a.percent(), a.done(), a.prescribed(), a.lastSession().orElse(null)))
                .orElse(null) : null;
        List<SharedSession> sessions = referral.shareSessions ? current
                .map(assignment -> checkOffs.sessions(assignment.id, RECENT_SESSIONS)).orElse(List.<SessionLog> of()).stream()
                .filter(session -> !session.recordedAt.isAfter(moment)).map(ReferralPacket::session).toList() : List.of();
        List<SharedFlag> flags = referral.shareFlags ? flags(referral, moment).stream().map(ReferralPacket::flag).toList()
                : List.of();
        return new Packet(program, report, sessions, flags);
    }

    String toJson(Packet packet) {
        try {
            return json.writeValueAsString(packet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Packet fromJson(String packet) {
        try {
            return json.readValue(packet, Packet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SharedProgram program(Assignment assignment) {
        ProgramVersion version = catalog.version(assignment.programVersionId).orElseThrow();
        Prescription prescription = assignments.currentPrescription(assignment.id);
        return new SharedProgram(version.title, version.version, prescription.holdSeconds, prescription.levels,
                prescription.sessionsPerWeek, prescription.startDate, prescription.endDate,
                assignment.status.name().toLowerCase());
    }

    private static SharedSession session(SessionLog session) {
        return new SharedSession(session.performedOn, Arrays.stream(session.holdSeconds).boxed().toList(),
                session.discomfort, session.feelingLabel());
    }

    private static SharedFlag flag(SymptomFlag flag) {
        return new SharedFlag(flag.reportedAt, flag.type.label, flag.severity, flag.region.label, flag.levelName(),
                flag.description);
    }

    /** The flags the referral is about; without any, the client's five most recent reported by the moment. */
    private static List<SymptomFlag> flags(Referral referral, Instant moment) {
        List<SymptomFlag> linked = SymptomFlag.list(
                "id in (select f.key.flagId from ReferralFlag f where f.key.referralId = ?1) order by reportedAt desc", referral.id);
        return linked.isEmpty()
                ? SymptomFlag.find("clientId = ?1 and reportedAt <= ?2 order by reportedAt desc", referral.clientId, moment)
                        .page(0, 5).list()
                : linked;
    }
}
